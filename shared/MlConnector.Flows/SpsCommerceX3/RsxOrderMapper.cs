using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SpsCommerce.Rsx;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// An RSX 7.7.7 Order (a retailer's 850) to an X3 sales order, kept whole (<see cref="RsxOrderReader"/>). The trading
/// partner becomes the X3 customer through <c>trading-partner</c>; each line's item is the <c>item-number</c> mapping of
/// <c>{partner}:{identifier}</c>, else of the identifier alone (buyer part number, UPC, GTIN, case UPC, EAN, vendor part
/// number, in that order), else the vendor part number when X3 has that product; its unit goes through <c>uom</c>. A
/// store split line (SDQ) becomes one X3 line per store, carrying the store as its delivery address. The order's own
/// <c>Summary.TotalAmount</c> must match its lines within <see cref="SpsCommerceX3Options.TotalTolerance"/>. Every problem
/// is reported at once, and the rejected order is retried on each sync until a mapping (or the X3 record) fixes it.
/// </summary>
public sealed class RsxOrderMapper(IMappingTables mappings, IReferenceData reference, SpsCommerceX3Options options) : IRecordMapper
{
    public const string DocumentKind = SpsOrderVersion.Kind;

    private static readonly (string Label, Func<SalesOrderLine, string?> Value)[] ItemIdentifiers =
    [
        ("BuyerPartNumber", l => l.BuyerPartNumber), ("ConsumerPackageCode", l => l.ConsumerPackageCode), ("GTIN", l => l.Gtin),
        ("UPCCaseCode", l => l.UpcCaseCode), ("EAN", l => l.Ean), ("VendorPartNumber", l => l.VendorPartNumber),
    ];

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var payload = record.Payload;
        if (Text(payload, RsxOrderFile.ErrorProperty) is { } error)
        {
            return MapResult.Rejected(error + " The file's content is kept on this record; ask the trading partner (through SPS) to resend a corrected order.");
        }

        if (!payload.TryGetProperty(RsxOrderFile.OrderProperty, out var element) || JsonNode.Parse(element.GetRawText()) is not JsonObject json)
        {
            return MapResult.Rejected($"SPS record {record.Key} carries no RSX order.");
        }

        var rsx = RsxOrderReader.Read(json);
        var order = rsx.Order;
        var partner = rsx.TradingPartnerId;
        var label = $"PO {order.CustomerOrderNumber} from trading partner {partner}";
        var problems = new List<string>();
        if (order.OrderDate == DateOnly.MinValue)
        {
            problems.Add($"{label} has no valid PurchaseOrderDate");
        }

        var customer = await mappings.LookupAsync(MappingTableNames.TradingPartner, partner, cancellationToken);
        if (customer is null)
        {
            problems.Add($"Trading partner {partner} ({label}) has no X3 customer: add the row {MappingTableNames.TradingPartner},{partner},<X3 customer code> with `mlc mappings import`");
        }
        else if (!await reference.ExistsAsync(ReferenceKind.Customer, customer, cancellationToken))
        {
            problems.Add($"Customer {customer} (trading partner {partner}, {label}) does not exist in {reference.Scope}: create it in X3 or correct the {MappingTableNames.TradingPartner} mapping");
        }

        if (rsx.Lines.Count == 0 && rsx.PurposeCode != "01")
        {
            problems.Add($"{label} has no LineItem");
        }

        var lines = new List<SalesOrderLine>();
        foreach (var source in rsx.Lines)
        {
            var line = source.Line;
            var where = $"line {line.BuyerLineNumber} of {label}";
            if (line.Quantity <= 0)
            {
                problems.Add($"{where} has no positive OrderQty");
                continue;
            }

            var stored = source.Stores.Sum(s => s.Quantity);
            if (source.Stores.Count > 0 && stored != line.Quantity)
            {
                problems.Add(Invariant($"{where} orders {line.Quantity} but splits {stored} over its stores ({string.Join(", ", source.Stores.Select(s => Invariant($"{s.Location}: {s.Quantity}")))})"));
                continue;
            }

            var item = await ResolveItemAsync(partner, line, where, problems, cancellationToken);
            if (item is null)
            {
                continue;
            }

            var mapped = line with { ItemCode = item, Unit = await X3UnitAsync(line.BuyerUnit ?? "EA", cancellationToken) };
            var number = (source.Position + 1) * 1000;
            lines.AddRange(source.Stores.Count == 0
                ? [mapped with { LineNumber = number }]
                : source.Stores.Select((store, i) => mapped with { LineNumber = number + i + 1, Quantity = store.Quantity, DestinationLocation = store.Location }));
        }

        if (order.StatedTotal is { } stated && problems.Count == 0)
        {
            var merchandise = lines.Sum(l => l.Quantity * l.UnitPrice);
            var net = order.NetTotal;
            if (Math.Abs(stated - net) > options.TotalTolerance && Math.Abs(stated - merchandise) > options.TotalTolerance)
            {
                problems.Add(Invariant($"{label} states Summary.TotalAmount {stated:0.00} but its lines come to {merchandise:0.00} ({net:0.00} after its allowances and charges), more than {options.TotalTolerance:0.00} apart: ask the trading partner to correct the order, or raise SpsCommerceX3__TotalTolerance"));
            }
        }

        if (problems.Count > 0)
        {
            return MapResult.Rejected(string.Join("; ", problems));
        }

        var charges = new List<ChargeAllowance>();
        foreach (var charge in order.ChargesAllowances)
        {
            charges.Add(charge.Code is { } code && await mappings.LookupAsync(MappingTableNames.ChargeAllowance, code, cancellationToken) is { } erpCode ? charge with { ErpCode = erpCode } : charge);
        }

        var terms = order.PaymentTerms.Select(t => t.Description).FirstOrDefault(d => d is not null);
        var salesOrder = order with
        {
            Customer = new PartyReference(customer!, partner),
            Currency = order.Currency.Length == 0 ? options.DefaultCurrency : order.Currency,
            Site = options.Site.Length == 0 ? null : options.Site,
            ExternalReference = RsxOrderFile.Key(partner, order.CustomerOrderNumber),
            ShipToCode = order.ShipTo?.LocationNumber,
            PaymentTermsCode = terms is null ? null : await mappings.LookupAsync(MappingTableNames.PaymentTerms, terms, cancellationToken),
            Addresses = order.Addresses.Select(a => a with { Country = CountryCode(a.Country) }).ToList(),
            ChargesAllowances = charges,
            Lines = lines,
        };
        var version = new SpsOrderVersion(salesOrder, partner, rsx.PurposeCode, Text(payload, RsxOrderFile.FileProperty) ?? record.Key, Text(payload, RsxOrderFile.AvailableProperty) ?? string.Empty);
        var action = salesOrder.Status == PurchaseOrderStatus.Cancelled ? "Cancellation" : rsx.PurposeCode is "04" or "05" ? "Change" : "Sales order";
        var summary = Invariant($"{action} for {label} ({version.File}): customer {customer}, {lines.Count} lines, {salesOrder.NetTotal:0.00} {salesOrder.Currency}");
        return MapResult.Mapped(new TargetDocument(DocumentKind, salesOrder.ExternalReference, summary, CanonicalJson.ToElement(version)));
    }

    private async Task<string?> ResolveItemAsync(string partner, SalesOrderLine line, string where, List<string> problems, CancellationToken cancellationToken)
    {
        var named = ItemIdentifiers.Select(i => (i.Label, Value: i.Value(line))).Where(i => i.Value is not null).ToList();
        foreach (var (field, value) in named)
        {
            // A retailer's part numbers are its own: the partner's row wins over a row any partner shares.
            var mapped = await mappings.LookupAsync(MappingTableNames.ItemNumber, $"{partner}:{value}", cancellationToken)
                ?? await mappings.LookupAsync(MappingTableNames.ItemNumber, value!, cancellationToken);
            if (mapped is null)
            {
                continue;
            }

            if (await reference.ExistsAsync(ReferenceKind.Product, mapped, cancellationToken))
            {
                return mapped;
            }

            problems.Add($"Product {mapped} (mapped from {field} {value}, {where}) does not exist in {reference.Scope}: create it in X3 or correct the {MappingTableNames.ItemNumber} mapping");
            return null;
        }

        if (line.VendorPartNumber is { } vendorPart && await reference.ExistsAsync(ReferenceKind.Product, vendorPart, cancellationToken))
        {
            return vendorPart;
        }

        problems.Add(named.Count == 0
            ? $"{where} names no item (no BuyerPartNumber, VendorPartNumber, ConsumerPackageCode or GTIN)"
            : $"Item {string.Join(" / ", named.Select(n => $"{n.Label} {n.Value}"))} ({where}) is not an X3 product: add the row {MappingTableNames.ItemNumber},{partner}:{named[0].Value},<X3 item> (or {MappingTableNames.ItemNumber},{named[0].Value},<X3 item> for every partner) with `mlc mappings import`");
        return null;
    }

    private async Task<string> X3UnitAsync(string rsxUnit, CancellationToken cancellationToken) =>
        await mappings.LookupAsync(MappingTableNames.UnitOfMeasure, rsxUnit, cancellationToken) ?? (rsxUnit == "EA" ? options.EachUnit : rsxUnit);

    /// <summary>RSX files often spell countries with three letters (USA); X3 keys countries by ISO 3166 alpha-2.</summary>
    private static string? CountryCode(string? country) => country switch
    {
        "USA" => "US",
        "CAN" => "CA",
        "MEX" => "MX",
        _ => country,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
