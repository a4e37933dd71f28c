using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Core.Documents;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// The parts of a trading partner's order that every answer (855, 810, 856) echoes back in RSX 7.7.7 shape: addresses,
/// dates, references, notes, payment terms, FOB and carrier instructions, and each line's buyer identifiers. Only
/// fields the 855/810 schemas and the 856 full-field example share are written (SPS's schemas close every object).
/// </summary>
internal static class RsxEcho
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="name"/> to <paramref name="parent"/> when the array has elements (RSX omits empty arrays).</summary>
    public static void AddArray(JsonObject parent, string name, IEnumerable<JsonObject> items)
    {
        var array = new JsonArray(items.Select(i => (JsonNode)i).ToArray());
        if (array.Count > 0)
        {
            parent[name] = array;
        }
    }

    public static JsonObject Address(OrderAddress address)
    {
        var node = Compact(new JsonObject
        {
            ["AddressTypeCode"] = address.Code,
            ["LocationCodeQualifier"] = address.LocationQualifier,
            ["AddressLocationNumber"] = address.LocationNumber,
            ["AddressName"] = address.Name,
            ["AddressAlternateName"] = address.AlternateName,
        });
        for (var i = 0; i < Math.Min(4, address.Lines.Count); i++)
        {
            node[$"Address{i + 1}"] = address.Lines[i];
        }

        return Compact(node, ("City", address.City), ("State", address.State), ("PostalCode", address.PostalCode), ("Country", address.Country));
    }

    /// <summary>A store of a store split as the party the goods are marked for (cross-dock, Z7) or shipped to (multi-store, ST).</summary>
    public static JsonObject Store(string location, bool markFor) =>
        new() { ["AddressTypeCode"] = markFor ? "Z7" : "ST", ["LocationCodeQualifier"] = "92", ["AddressLocationNumber"] = location };

    public static IEnumerable<JsonObject> Dates(IEnumerable<OrderDate> dates) =>
        dates.Select(d => new JsonObject { ["DateTimeQualifier"] = d.Qualifier, ["Date"] = Date(d.Date) });

    public static IEnumerable<JsonObject> References(IEnumerable<OrderReference> references) =>
        references.Select(r => Compact(new JsonObject { ["ReferenceQual"] = r.Qualifier, ["ReferenceID"] = r.Id, ["Description"] = r.Description }));

    public static IEnumerable<JsonObject> Notes(IEnumerable<OrderNote> notes) =>
        notes.Select(n => Compact(new JsonObject { ["NoteCode"] = n.Code ?? "GEN", ["Note"] = n.Text }));

    public static IEnumerable<JsonObject> PaymentTerms(IEnumerable<PaymentTerm> terms) =>
        terms.Select(t => Compact(new JsonObject
        {
            ["TermsType"] = t.TermsType,
            ["TermsBasisDateCode"] = t.BasisDateCode,
            ["TermsDiscountPercentage"] = t.DiscountPercent,
            ["TermsDiscountDueDays"] = t.DiscountDueDays,
            ["TermsNetDueDays"] = t.NetDueDays,
            ["TermsDescription"] = t.Description,
        }));

    public static IEnumerable<JsonObject> Fob(IEnumerable<FobInstruction> fob) =>
        fob.Select(f => Compact(new JsonObject { ["FOBPayCode"] = f.PayCode, ["FOBLocationQualifier"] = f.LocationQualifier, ["FOBLocationDescription"] = f.LocationDescription }));

    public static IEnumerable<JsonObject> Carriers(IEnumerable<CarrierRouting> carriers) =>
        carriers.Select(c =>
        {
            var node = Compact(new JsonObject { ["CarrierTransMethodCode"] = c.TransportMethod, ["CarrierAlphaCode"] = c.CarrierCode, ["CarrierRouting"] = c.Routing });
            if (c.ServiceLevel is { } level)
            {
                node["ServiceLevelCodes"] = new JsonArray(new JsonObject { ["ServiceLevelCode"] = level });
            }

            return node;
        });

    public static IEnumerable<JsonObject> ChargesAllowances(IEnumerable<ChargeAllowance> charges) =>
        charges.Select(c => Compact(new JsonObject
        {
            ["AllowChrgIndicator"] = c.IsCharge ? "C" : "A",
            ["AllowChrgCode"] = c.Code,
            ["AllowChrgAmt"] = c.Amount,
            ["AllowChrgPercentQual"] = c.PercentQualifier,
            ["AllowChrgPercent"] = c.Percent,
            ["AllowChrgHandlingCode"] = c.HandlingCode,
            ["AllowChrgHandlingDescription"] = c.Description,
        }));

    /// <summary>The buyer's identifiers of a line, in the order RSX lists them; the X3 item is our (vendor) part number.</summary>
    public static void Identifiers(JsonObject line, SalesOrderLine? ordered, string itemCode)
    {
        line["BuyerPartNumber"] = ordered?.BuyerPartNumber;
        line["VendorPartNumber"] = itemCode;
        line["ConsumerPackageCode"] = ordered?.ConsumerPackageCode;
        line["EAN"] = ordered?.Ean;
        line["GTIN"] = ordered?.Gtin;
        line["UPCCaseCode"] = ordered?.UpcCaseCode;
        foreach (var empty in line.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            line.Remove(empty);
        }
    }

    /// <summary>The RSX unit of an X3 unit: the <c>uom</c> table read backwards, else EA for the each unit, else the X3 code.</summary>
    public static async ValueTask<string> UnitAsync(IMappingTables? mappings, string x3Unit, string eachUnit, CancellationToken cancellationToken) =>
        (mappings is null ? null : await mappings.ReverseLookupAsync(MappingTableNames.UnitOfMeasure, x3Unit, cancellationToken)) ?? (x3Unit == eachUnit ? "EA" : x3Unit);

    public static JsonArray Description(string? description, string itemCode) =>
        new(new JsonObject { ["ProductCharacteristicCode"] = "08", ["ProductDescription"] = string.IsNullOrWhiteSpace(description) ? itemCode : description });

    /// <summary>The buyer's line number of an X3 line: the order line it came from, else the X3 line number / 1000.</summary>
    public static string BuyerLineNumber(SalesOrderLine? ordered, int x3LineNumber, int position) =>
        ordered?.BuyerLineNumber ?? (x3LineNumber >= 1000 ? x3LineNumber / 1000 : position).ToString(CultureInfo.InvariantCulture);

    /// <summary>The order's numbers every answer's order header repeats: department, vendor, division, the consumer's order number.</summary>
    public static JsonObject OrderNumbers(JsonObject header, SalesOrder? ordered)
    {
        header["Department"] = ordered?.Department;
        header["DepartmentDescription"] = ordered?.DepartmentDescription;
        header["Vendor"] = ordered?.VendorNumber;
        header["Division"] = ordered?.Division;
        header["CustomerOrderNumber"] = ordered?.ConsumerOrderNumber;
        return Compact(header);
    }

    /// <summary>Drops null properties (RSX omits what is not known), after setting <paramref name="more"/>.</summary>
    public static JsonObject Compact(JsonObject node, params (string Name, string? Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            node[name] = value;
        }

        foreach (var empty in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(empty);
        }

        return node;
    }
}
