using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Simulators.SpsCommerce.Files;

namespace MlConnector.Simulators.SpsCommerce.Seeding;

/// <summary>What to drop into <c>out/PO/</c>.</summary>
public sealed record OrderSeedRequest
{
    /// <summary>Purchase orders from known trading partners (each file one order, every fourth file holds two).</summary>
    public int Orders { get; init; } = 10;

    /// <summary>Orders from a trading partner the customer has not mapped yet (<see cref="OrderSeedScenario.UnknownPartnerId"/>).</summary>
    public int UnknownPartnerOrders { get; init; }

    /// <summary>Orders whose second line names an item (<see cref="OrderSeedScenario.UnknownItem"/>) neither X3 nor the mapping knows.</summary>
    public int UnknownItemOrders { get; init; }

    /// <summary>Files that are not RSX JSON at all.</summary>
    public int MalformedFiles { get; init; }

    public int LinesPerOrder { get; init; } = 2;

    public DateOnly OrderDate { get; init; } = new(2026, 12, 1);

    /// <summary>Also the four order shapes of <see cref="SpsOrderShapes"/> (cross-dock, multi-store, bulk, drop-ship), one file each.</summary>
    public bool Shapes { get; init; }
}

/// <summary>
/// The seeded world: trading partner id -> X3 customer, buyer part number -> X3 item (the <c>item-number</c> mapping),
/// X3 items known by their vendor part number, and which orders a sync should write or reject.
/// </summary>
public sealed record OrderSeedScenario(
    IReadOnlyDictionary<string, string> PartnerToCustomer,
    IReadOnlyDictionary<string, string> BuyerPartToItem,
    IReadOnlyList<string> X3Items,
    IReadOnlyList<string> WritableOrders,
    IReadOnlyList<string> UnknownPartnerOrders,
    IReadOnlyList<string> UnknownItemOrders,
    IReadOnlyList<string> MalformedFiles,
    IReadOnlyList<string> Files)
{
    public const string UnknownPartnerId = "NEWALLRETAILR";
    public const string UnknownItem = "ZZ-UNKNOWN-99";

    /// <summary>The first line's quantity in a change (04/05) that <see cref="SpsOrderSeeder.SeedVersions"/> writes.</summary>
    public const decimal ChangedQuantity = 48m;

    /// <summary>The X3 payment term the shapes' terms map to (<c>payment-terms</c>).</summary>
    public const string X3PaymentTerm = "2P10N30";

    /// <summary>Shape name -> order key of the orders <see cref="SpsOrderShapes"/> wrote (empty unless asked for).</summary>
    public IReadOnlyDictionary<string, string> ShapedOrders { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Mapping rows the shaped orders need beyond partners and items: table -> (source -> X3 value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraMappings { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
}

/// <summary>Writes realistic RSX 7.7.7 JSON Orders (850) into the account's <c>out/PO/</c>, as SPS does for a supplier.</summary>
public static class SpsOrderSeeder
{
    private static readonly (string Partner, string Customer)[] Partners = [("WMTALLTESTID", "C0100"), ("TGTALLTESTID", "C0200"), ("AMZALLTESTID", "C0300")];
    private static readonly (string BuyerPart, string VendorPart, string Description, decimal Price)[] Items =
    [
        ("B-100200", "TEE-BLU-M", "Crew tee blue M", 4.25m), ("B-100201", "TEE-BLU-L", "Crew tee blue L", 4.25m),
        ("B-100300", "HOODIE-GRY-M", "Hoodie grey M", 14.90m), ("B-100400", "SOCK-3PK", "Socks 3-pack", 3.10m),
    ];

    public static OrderSeedScenario Seed(SpsFileStore store, OrderSeedRequest request)
    {
        var writable = new List<string>();
        var unknownPartner = new List<string>();
        var unknownItem = new List<string>();
        var malformed = new List<string>();
        var files = new List<string>();
        var pending = new List<JsonObject>();
        var number = 0;
        var fileNumber = 0;

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var first = (string)pending[0]["Header"]!["OrderHeader"]!["PurchaseOrderNumber"]!;
            var path = $"out/PO/PO{first}_{++fileNumber:D4}.json";
            JsonNode root = pending.Count == 1 ? pending[0] : new JsonArray(pending.Select(o => (JsonNode)o).ToArray());
            store.Put(path, JsonSerializer.SerializeToUtf8Bytes(root));
            files.Add(path);
            pending.Clear();
        }

        void Add(string partner, bool badItem, List<string> into)
        {
            var po = (4500100 + ++number).ToString(CultureInfo.InvariantCulture);
            pending.Add(Order(partner, po, request, badItem, number));
            into.Add(Key(partner, po));
            if (pending.Count == 2 || number % 4 != 0)
            {
                Flush();
            }
        }

        for (var i = 0; i < request.Orders; i++)
        {
            Add(Partners[i % Partners.Length].Partner, false, writable);
        }

        for (var i = 0; i < request.UnknownPartnerOrders; i++)
        {
            Add(OrderSeedScenario.UnknownPartnerId, false, unknownPartner);
        }

        for (var i = 0; i < request.UnknownItemOrders; i++)
        {
            Add(Partners[i % Partners.Length].Partner, true, unknownItem);
        }

        Flush();
        var shapes = request.Shapes ? SpsOrderShapes.Seed(store, request.OrderDate) : new Dictionary<string, string>(StringComparer.Ordinal);
        writable.AddRange(shapes.Values);
        for (var i = 0; i < request.MalformedFiles; i++)
        {
            var path = $"out/PO/PO_BROKEN_{i + 1:D3}.json";
            store.Put(path, "{\"Header\":{\"OrderHeader\":{\"TradingPartnerId\":\"WMTALLTESTID\",\"PurchaseOrderNumber\":");
            malformed.Add(path);
            files.Add(path);
        }

        return new OrderSeedScenario(
            Partners.ToDictionary(p => p.Partner, p => p.Customer, StringComparer.Ordinal),
            Items.Where((_, i) => i % 2 == 0).ToDictionary(i => i.BuyerPart, i => i.VendorPart, StringComparer.Ordinal),
            Items.Select(i => i.VendorPart).ToList(),
            writable, unknownPartner, unknownItem, malformed, files)
        {
            ShapedOrders = shapes,
            ExtraMappings = shapes.Count == 0 ? new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal) : new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
            {
                ["uom"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["EA"] = "UN", ["CA"] = SpsOrderShapes.CaseUnit },
                ["payment-terms"] = new Dictionary<string, string>(StringComparer.Ordinal) { [SpsOrderShapes.TermsDescription] = OrderSeedScenario.X3PaymentTerm },
                ["charge-allowance"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["D240"] = "FRT", ["C310"] = "DSC" },
            },
        };
    }

    /// <summary>
    /// Drops several versions of one PO into <c>out/PO/</c> at once, one file each in listing order, with the RSX purpose
    /// codes given (00 original, 04 change, 05 replace, 01 cancellation); a change sets the first line to
    /// <see cref="OrderSeedScenario.ChangedQuantity"/>. Returns the file paths in the order SPS lists them.
    /// </summary>
    public static IReadOnlyList<string> SeedVersions(SpsFileStore store, string partner, string purchaseOrderNumber, IReadOnlyList<string> purposeCodes, DateOnly orderDate)
    {
        var files = new List<string>();
        for (var i = 0; i < purposeCodes.Count; i++)
        {
            var order = Order(partner, purchaseOrderNumber, new OrderSeedRequest { OrderDate = orderDate }, badItem: false, seed: 1);
            var header = order["Header"]!["OrderHeader"]!.AsObject();
            header["TsetPurposeCode"] = purposeCodes[i];
            if (purposeCodes[i] is "04" or "05")
            {
                var line = order["LineItem"]![0]!["OrderLine"]!.AsObject();
                var before = (decimal)line["OrderQty"]! * (decimal)line["PurchasePrice"]!;
                line["OrderQty"] = OrderSeedScenario.ChangedQuantity;
                var summary = order["Summary"]!.AsObject();
                summary["TotalAmount"] = (decimal)summary["TotalAmount"]! - before + OrderSeedScenario.ChangedQuantity * (decimal)line["PurchasePrice"]!;
            }

            var path = $"out/PO/PO{purchaseOrderNumber}_v{i + 1}_{purposeCodes[i]}.json";
            store.Put(path, JsonSerializer.SerializeToUtf8Bytes(order));
            files.Add(path);
        }

        return files;
    }

    /// <summary>The record key the connector gives an order: trading partner and PO number.</summary>
    public static string Key(string partner, string purchaseOrderNumber) => $"{partner}~{purchaseOrderNumber}";

    private static JsonObject Order(string partner, string po, OrderSeedRequest request, bool badItem, int seed)
    {
        var lines = new JsonArray();
        decimal total = 0;
        for (var l = 1; l <= request.LinesPerOrder; l++)
        {
            var (buyerPart, vendorPart, description, price) = Items[(seed + l) % Items.Length];
            var quantity = (decimal)(6 * l + seed % 5);
            var orderLine = new JsonObject
            {
                ["LineSequenceNumber"] = l.ToString(CultureInfo.InvariantCulture),
                ["BuyerPartNumber"] = buyerPart,
                ["ConsumerPackageCode"] = "0" + (400638000000L + (seed * 10) + l).ToString(CultureInfo.InvariantCulture),
                ["OrderQty"] = quantity,
                ["OrderQtyUOM"] = "EA",
                ["PurchasePrice"] = price,
            };

            // Some partners send our part number, others only theirs (mapped through item-number).
            if (badItem && l == 2)
            {
                orderLine["BuyerPartNumber"] = OrderSeedScenario.UnknownItem;
            }
            else if ((seed + l) % 2 == 1)
            {
                orderLine["VendorPartNumber"] = vendorPart;
            }

            total += quantity * price;
            lines.Add(new JsonObject
            {
                ["OrderLine"] = orderLine,
                ["ProductOrItemDescription"] = new JsonArray(new JsonObject { ["ProductCharacteristicCode"] = "08", ["ProductDescription"] = description }),
            });
        }

        var date = request.OrderDate.AddDays(seed % 3);
        return new JsonObject
        {
            ["Meta"] = new JsonObject { ["SenderUniqueID"] = partner, ["ReceiverUniqueID"] = "SIMSUPPLIERID", ["IsDropShip"] = false },
            ["Header"] = new JsonObject
            {
                ["OrderHeader"] = new JsonObject
                {
                    ["TradingPartnerId"] = partner,
                    ["PurchaseOrderNumber"] = po,
                    ["TsetPurposeCode"] = "00",
                    ["PrimaryPOTypeCode"] = "SA",
                    ["PurchaseOrderDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["Vendor"] = "V-SIM-01",
                    ["BuyersCurrency"] = "USD",
                    ["Department"] = "0042",
                },
                ["Dates"] = new JsonArray(new JsonObject { ["DateTimeQualifier"] = "002", ["Date"] = date.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
                ["Address"] = new JsonArray(new JsonObject { ["AddressTypeCode"] = "ST", ["AddressLocationNumber"] = "0042", ["AddressName"] = "DC 0042", ["City"] = "Bentonville", ["State"] = "AR", ["PostalCode"] = "72712", ["Country"] = "US" }),
            },
            ["LineItem"] = lines,
            ["Summary"] = new JsonObject { ["TotalAmount"] = total, ["TotalLineItemNumber"] = request.LinesPerOrder },
        };
    }
}
