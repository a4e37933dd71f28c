using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Simulators.SpsCommerce.Files;

namespace MlConnector.Simulators.SpsCommerce.Seeding;

/// <summary>
/// The four order shapes retailers send, as varied as SPS's full-field Orders example (shared/contracts/sps-rsx-7.7.7/
/// Orders-sample.json; field names and codes as there): a cross-dock order to a DC with mark-for stores, a multi-store
/// order whose lines split over the stores it ships to, a bulk order in cases to one DC, and a drop-ship order to a
/// consumer. Together they carry bill-to and buying party addresses, payment terms, allowances and charges (amount and
/// percent), notes (a gift message), carriers with service levels, FOB, references, requested ship / delivery / cancel
/// dates at header and line level, retail prices, pack sizes and two units (EA, CA).
/// </summary>
public static class SpsOrderShapes
{
    public const string CrossDock = "cross-dock";
    public const string MultiStore = "multi-store";
    public const string Bulk = "bulk";
    public const string DropShip = "drop-ship";

    /// <summary>The X3 unit the shapes' <c>CA</c> (case) lines map to through the <c>uom</c> table.</summary>
    public const string CaseUnit = "CS";

    /// <summary>The buyer's terms description the shapes use, mapped to an X3 payment term through <c>payment-terms</c>.</summary>
    public const string TermsDescription = "2% 10 Net 30";

    /// <summary>Writes one file per shape into <c>out/PO/</c>; returns shape -> order key (partner~PO).</summary>
    public static IReadOnlyDictionary<string, string> Seed(SpsFileStore store, DateOnly orderDate)
    {
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (shape, order) in new[]
        {
            (CrossDock, CrossDockOrder(orderDate)), (MultiStore, MultiStoreOrder(orderDate)), (Bulk, BulkOrder(orderDate)), (DropShip, DropShipOrder(orderDate)),
        })
        {
            var header = order["Header"]!["OrderHeader"]!;
            var po = (string)header["PurchaseOrderNumber"]!;
            order["Summary"] = new JsonObject { ["TotalAmount"] = Total(order), ["TotalLineItemNumber"] = order["LineItem"]!.AsArray().Count };
            store.Put($"out/PO/PO{po}_{shape}.json", JsonSerializer.SerializeToUtf8Bytes(order));
            shapes[shape] = $"{(string)header["TradingPartnerId"]!}~{po}";
        }

        return shapes;
    }

    private static JsonObject CrossDockOrder(DateOnly day) => Order("WMTALLTESTID", "4509101", "SA", day,
        [Address("ST", "6094", "Walmart DC 6094", "1 Logistics Way", "Bentonville", "AR", "72712"), Address("BT", "0001", "Walmart Accounts Payable", "702 SW 8th St", "Bentonville", "AR", "72716")],
        [
            Line("1", "B-100200", "TEE-BLU-M", "Crew tee blue M", 24, "EA", 4.25m, retail: 9.97m, packSize: 6, stores: [("0811", 12), ("0812", 12)]),
            Line("2", "B-100300", "HOODIE-GRY-M", "Hoodie grey M", 2, "CA", 89.40m, stores: [("0811", 1), ("0812", 1)]),
        ],
        carrier: ("M", "RDWY", "Roadway LTL", null),
        charges: [Charge("A", "C310", amount: null, percent: 2m, "Early payment discount")],
        notes: [("GEN", "Label every carton with its mark-for store.")],
        shipIn: 5);

    private static JsonObject MultiStoreOrder(DateOnly day) => Order("TGTALLTESTID", "4509102", "SA", day,
        [Address("BT", "0003", "Target Corporation", "1000 Nicollet Mall", "Minneapolis", "MN", "55403"), Address("BY", "0271", "Target buyer 271", null, null, null, null)],
        [
            Line("1", "B-100201", "TEE-BLU-L", "Crew tee blue L", 18, "EA", 4.25m, stores: [("1001", 6), ("1002", 6), ("1003", 6)]),
            Line("2", "B-100400", "SOCK-3PK", "Socks 3-pack", 30, "EA", 3.10m, stores: [("1001", 10), ("1002", 20)]),
        ],
        carrier: ("M", "UPSN", "UPS Ground", "SG"),
        charges: [Charge("C", "D240", amount: 25.00m, percent: null, "Freight")],
        notes: [],
        shipIn: 3);

    private static JsonObject BulkOrder(DateOnly day) => Order("AMZALLTESTID", "4509103", "SA", day,
        [Address("ST", "PHX7", "Amazon PHX7", "800 N 75th Ave", "Phoenix", "AZ", "85043")],
        [
            Line("1", "B-100400", "SOCK-3PK", "Socks 3-pack", 40, "CA", 36.00m, packSize: 10),
            Line("2", "B-100200", "TEE-BLU-M", "Crew tee blue M", 480, "EA", 4.10m, packSize: 48),
        ],
        carrier: ("M", "FXFE", "FedEx Freight", null),
        charges: [Charge("A", "C000", amount: 40.00m, percent: null, "Volume allowance")],
        notes: [("SHP", "Dock appointment required.")],
        shipIn: 7);

    private static JsonObject DropShipOrder(DateOnly day)
    {
        var order = Order("WMTALLTESTID", "4509104", "DS", day,
            [Address("ST", null, "Jane Consumer", "12 Elm Street", "Springfield", "IL", "62704", line2: "Apt 3")],
            [Line("1", "B-100300", "HOODIE-GRY-M", "Hoodie grey M", 1, "EA", 14.90m, retail: 29.99m)],
            carrier: ("M", "FDEG", "FedEx Ground", "ND"),
            charges: [Charge("C", "D240", amount: 6.95m, percent: null, "Shipping")],
            notes: [("GFT", "Happy birthday, Sam!")],
            shipIn: 1);
        order["Meta"]!["IsDropShip"] = true;
        order["Header"]!["OrderHeader"]!["CustomerOrderNumber"] = "WEB-88231";
        return order;
    }

    private static JsonObject Order(string partner, string po, string type, DateOnly day, JsonObject[] addresses, JsonObject[] lines,
        (string Method, string Scac, string Routing, string? Level) carrier, JsonObject[] charges, (string Code, string Text)[] notes, int shipIn)
    {
        var carrierNode = new JsonObject { ["CarrierTransMethodCode"] = carrier.Method, ["CarrierAlphaCode"] = carrier.Scac, ["CarrierRouting"] = carrier.Routing };
        if (carrier.Level is { } level)
        {
            carrierNode["ServiceLevelCodes"] = new JsonArray(new JsonObject { ["ServiceLevelCode"] = level });
        }

        var header = new JsonObject
        {
            ["OrderHeader"] = new JsonObject
            {
                ["TradingPartnerId"] = partner,
                ["PurchaseOrderNumber"] = po,
                ["TsetPurposeCode"] = "00",
                ["PrimaryPOTypeCode"] = type,
                ["PurchaseOrderDate"] = Date(day),
                ["Department"] = "0042",
                ["DepartmentDescription"] = "Apparel",
                ["Vendor"] = "V-SIM-01",
                ["BuyersCurrency"] = "USD",
            },
            ["PaymentTerms"] = new JsonArray(new JsonObject
            {
                ["TermsType"] = "08",
                ["TermsBasisDateCode"] = "3",
                ["TermsDiscountPercentage"] = 2,
                ["TermsDiscountDueDays"] = 10,
                ["TermsNetDueDays"] = 30,
                ["TermsDescription"] = TermsDescription,
            }),
            ["Dates"] = new JsonArray(
                new JsonObject { ["DateTimeQualifier"] = "010", ["Date"] = Date(day.AddDays(shipIn)) },
                new JsonObject { ["DateTimeQualifier"] = "002", ["Date"] = Date(day.AddDays(shipIn + 4)) },
                new JsonObject { ["DateTimeQualifier"] = "001", ["Date"] = Date(day.AddDays(shipIn + 10)) }),
            ["Address"] = new JsonArray(addresses.Select(a => (JsonNode)a).ToArray()),
            ["References"] = new JsonArray(new JsonObject { ["ReferenceQual"] = "CT", ["ReferenceID"] = "CONTRACT-2026" }),
            ["Notes"] = new JsonArray(notes.Select(n => (JsonNode)new JsonObject { ["NoteCode"] = n.Code, ["Note"] = n.Text }).ToArray()),
            ["FOBRelatedInstruction"] = new JsonArray(new JsonObject { ["FOBPayCode"] = "PP", ["FOBLocationQualifier"] = "OR", ["FOBLocationDescription"] = "Origin" }),
            ["CarrierInformation"] = new JsonArray(carrierNode),
            ["ChargesAllowances"] = new JsonArray(charges.Select(c => (JsonNode)c).ToArray()),
        };
        if (notes.Length == 0)
        {
            header.Remove("Notes");
        }

        return new JsonObject
        {
            ["Meta"] = new JsonObject { ["SenderUniqueID"] = partner, ["ReceiverUniqueID"] = "SIMSUPPLIERID", ["IsDropShip"] = false },
            ["Header"] = header,
            ["LineItem"] = new JsonArray(lines.Select(l => (JsonNode)l).ToArray()),
        };
    }

    private static JsonObject Address(string type, string? location, string name, string? street, string? city, string? state, string? postalCode, string? line2 = null)
    {
        var address = new JsonObject { ["AddressTypeCode"] = type };
        if (location is not null)
        {
            address["LocationCodeQualifier"] = "92";
            address["AddressLocationNumber"] = location;
        }

        address["AddressName"] = name;
        foreach (var (field, value) in new[] { ("Address1", street), ("Address2", line2), ("City", city), ("State", state), ("PostalCode", postalCode), ("Country", street is null ? null : "USA") })
        {
            if (value is not null)
            {
                address[field] = value;
            }
        }

        return address;
    }

    private static JsonObject Line(string sequence, string buyerPart, string vendorPart, string description, decimal quantity, string unit, decimal price,
        decimal? retail = null, decimal? packSize = null, (string Store, decimal Qty)[]? stores = null)
    {
        var item = new JsonObject
        {
            ["OrderLine"] = new JsonObject
            {
                ["LineSequenceNumber"] = sequence,
                ["BuyerPartNumber"] = buyerPart,
                ["VendorPartNumber"] = vendorPart,
                ["ConsumerPackageCode"] = "040063" + Digits(buyerPart),
                ["GTIN"] = "1040063" + Digits(buyerPart) + "1",
                ["OrderQty"] = quantity,
                ["OrderQtyUOM"] = unit,
                ["PurchasePrice"] = price,
            },
            ["ProductOrItemDescription"] = new JsonArray(new JsonObject { ["ProductCharacteristicCode"] = "08", ["ProductDescription"] = description }),
        };
        if (retail is { } rtl)
        {
            item["PriceInformation"] = new JsonArray(new JsonObject { ["PriceTypeIDCode"] = "RTL", ["UnitPrice"] = rtl });
        }

        if (packSize is { } pack)
        {
            item["PhysicalDetails"] = new JsonArray(new JsonObject { ["PackQualifier"] = "OU", ["PackValue"] = pack });
        }

        if (stores is { Length: > 0 })
        {
            item["QuantitiesSchedulesLocations"] = new JsonArray(new JsonObject
            {
                ["QuantityQualifier"] = "SDQ",
                ["TotalQty"] = quantity,
                ["TotalQtyUOM"] = unit,
                ["LocationQuantity"] = new JsonArray(stores.Select(s => (JsonNode)new JsonObject { ["Location"] = s.Store, ["Qty"] = s.Qty }).ToArray()),
            });
        }

        return item;
    }

    private static JsonObject Charge(string indicator, string code, decimal? amount, decimal? percent, string description)
    {
        var charge = new JsonObject { ["AllowChrgIndicator"] = indicator, ["AllowChrgCode"] = code };
        if (amount is { } value)
        {
            charge["AllowChrgAmt"] = value;
        }

        if (percent is { } rate)
        {
            charge["AllowChrgPercentQual"] = "1";
            charge["AllowChrgPercent"] = rate;
        }

        charge["AllowChrgHandlingDescription"] = description;
        return charge;
    }

    /// <summary>Lines plus charges less allowances, as the retailer states it (a percent applies to the merchandise).</summary>
    private static decimal Total(JsonObject order)
    {
        var merchandise = order["LineItem"]!.AsArray().Sum(i => (decimal)i!["OrderLine"]!["OrderQty"]! * (decimal)i["OrderLine"]!["PurchasePrice"]!);
        var adjustments = order["Header"]!["ChargesAllowances"]!.AsArray().Sum(c =>
        {
            var amount = c!["AllowChrgAmt"] is { } value ? (decimal)value : Math.Round(merchandise * (decimal)c["AllowChrgPercent"]! / 100m, 2);
            return (string)c["AllowChrgIndicator"]! == "C" ? amount : -amount;
        });
        return merchandise + adjustments;
    }

    /// <summary>The six digits of a seeded buyer part number (B-100200 -> 100200), for its UPC and GTIN.</summary>
    private static string Digits(string buyerPart) => new string(buyerPart.Where(char.IsAsciiDigit).ToArray()).PadLeft(6, '0')[..6];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
