using System.Text.Json;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.SpsCommerce.Tests;

public sealed class X3ToSpsShipmentTests
{
    private const string OrderKey = "WMTALLTESTID~4509101";

    [Fact]
    public void Sscc18_carries_the_gs1_check_digit_and_is_the_same_for_the_same_carton()
    {
        Assert.Equal('7', Sscc18.CheckDigit("10614141123456789"));
        Assert.True(Sscc18.IsValid("106141411234567897"));
        Assert.False(Sscc18.IsValid("106141411234567890"));

        var first = Sscc18.For("0614141", "SD00042", 1);
        Assert.Equal(18, first.Length);
        Assert.StartsWith("00614141", first, StringComparison.Ordinal);
        Assert.True(Sscc18.IsValid(first));
        Assert.Equal(first, Sscc18.For("0614141", "SD00042", 1));
        Assert.NotEqual(first, Sscc18.For("0614141", "SD00042", 2));
        Assert.Throws<ArgumentException>(() => Sscc18.For("06141", "SD00042", 1));
    }

    [Fact]
    public async Task A_cross_dock_delivery_becomes_an_856_with_an_order_level_per_mark_for_store_sscc_cartons_of_the_pack_size_and_shipped_beside_ordered()
    {
        var archive = await ArchiveAsync();
        var mapper = new X3DeliveryToRsxShipmentMapper(new SpsCommerceX3Options(), archive, new InMemoryMappingTables().Add(MappingTableNames.UnitOfMeasure, "CA", "CS"));

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v1"), CancellationToken.None)).Document;
        var retried = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v1"), CancellationToken.None)).Document;
        var changed = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v2"), CancellationToken.None)).Document;

        Assert.Equal(SpsRsxUploadSink.Kind, mapped.Kind);
        Assert.StartsWith("SH_WMTALLTESTID_SD00042_", mapped.ExternalReference, StringComparison.Ordinal);
        Assert.Equal(mapped.ExternalReference, retried.ExternalReference);
        Assert.NotEqual(mapped.ExternalReference, changed.ExternalReference);
        var body = mapped.Body;
        var header = body.GetProperty("Header");
        var shipment = header.GetProperty("ShipmentHeader");
        Assert.Equal(("WMTALLTESTID", "SD00042", "2026-12-06", "00", "0001"), (shipment.GetProperty("TradingPartnerId").GetString(), shipment.GetProperty("ShipmentIdentification").GetString(),
            shipment.GetProperty("ShipDate").GetString(), shipment.GetProperty("TsetPurposeCode").GetString(), shipment.GetProperty("ASNStructureCode").GetString()));
        var carrier = header.GetProperty("CarrierInformation")[0];
        Assert.Equal(("M", "RDWY", "Roadway"), (carrier.GetProperty("CarrierTransMethodCode").GetString(), carrier.GetProperty("CarrierAlphaCode").GetString(), carrier.GetProperty("CarrierRouting").GetString()));
        var shipTo = header.GetProperty("Address")[0];
        Assert.Equal(("ST", "6094", "1 Logistics Way"), (shipTo.GetProperty("AddressTypeCode").GetString(), shipTo.GetProperty("AddressLocationNumber").GetString(), shipTo.GetProperty("Address1").GetString()));

        // One order level per mark-for store, each naming its store and the PO.
        var orders = body.GetProperty("OrderLevel").EnumerateArray().ToList();
        Assert.Equal(["0811", "0812"], orders.Select(o => o.GetProperty("Address")[0].GetProperty("AddressLocationNumber").GetString()));
        Assert.All(orders, o => Assert.Equal("Z7", o.GetProperty("Address")[0].GetProperty("AddressTypeCode").GetString()));
        Assert.All(orders, o => Assert.Equal(("4509101", "SO00017"), (o.GetProperty("OrderHeader").GetProperty("PurchaseOrderNumber").GetString(), o.GetProperty("OrderHeader").GetProperty("InternalOrderNumber").GetString())));

        // Store 0811: 12 tees in cartons of 6 (two packs) and one case; store 0812: 10 of its 12 tees, partial (BP).
        var packs = orders.SelectMany(o => o.GetProperty("PackLevel").EnumerateArray()).ToList();
        Assert.Equal(5, packs.Count);
        var ids = packs.Select(p => p.GetProperty("Pack").GetProperty("ShippingSerialID").GetString()!).ToList();
        Assert.All(ids, id => Assert.True(Sscc18.IsValid(id), id));
        Assert.Equal(5, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(packs, p => Assert.Equal("1Z999AA10000000042", p.GetProperty("Pack").GetProperty("CarrierPackageID").GetString()));
        var items = packs.Select(p => p.GetProperty("ItemLevel")[0].GetProperty("ShipmentLine")).ToList();
        Assert.Equal([6m, 6m, 1m, 6m, 4m], items.Select(i => i.GetProperty("ShipQty").GetDecimal()));
        Assert.Equal([12m, 12m, 1m, 12m, 12m], items.Select(i => i.GetProperty("OrderQty").GetDecimal()));
        Assert.Equal(["AC", "AC", "AC", "BP", "BP"], items.Select(i => i.GetProperty("ItemStatusCode").GetString()));
        Assert.Equal(["EA", "EA", "CA", "EA", "EA"], items.Select(i => i.GetProperty("ShipQtyUOM").GetString()));
        Assert.Equal(("B-100200", "TEE-BLU-M", "040063100200"), (items[0].GetProperty("BuyerPartNumber").GetString(), items[0].GetProperty("VendorPartNumber").GetString(), items[0].GetProperty("ConsumerPackageCode").GetString()));
        Assert.Equal("Crew tee blue M", packs[0].GetProperty("ItemLevel")[0].GetProperty("ProductOrItemDescription")[0].GetProperty("ProductDescription").GetString());
        Assert.Equal(5, header.GetProperty("QuantityAndWeight")[0].GetProperty("LadingQuantity").GetInt32());
        Assert.Equal(3, body.GetProperty("Summary").GetProperty("TotalLineItemNumber").GetInt32());
    }

    [Fact]
    public async Task A_resent_delivery_is_a_replace_and_the_carton_labels_stay_the_same()
    {
        var archive = await ArchiveAsync();
        var mapper = new X3DeliveryToRsxShipmentMapper(new SpsCommerceX3Options(), archive, new InMemoryMappingTables());
        var sink = new SpsAnswerSink(new AcceptingSink(), archive);
        var first = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v1"), CancellationToken.None)).Document;
        await sink.WriteAsync(new WriteRequest(SpsCommerceX3Flows.ShipmentsName, "SD00042", "v1", null, false, "key-1", first), CancellationToken.None);

        var again = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v2"), CancellationToken.None)).Document;

        Assert.Equal("05", again.Body.GetProperty("Header").GetProperty("ShipmentHeader").GetProperty("TsetPurposeCode").GetString());
        Assert.Equal(Serials(first.Body), Serials(again.Body));
        Assert.Equal(1, (await archive.ReadAsync(OrderKey, CancellationToken.None)).Order!.ShipmentsSent["SD00042"]);
    }

    [Fact]
    public async Task A_delivery_of_an_order_not_from_sps_or_not_confirmed_or_empty_is_refused_with_the_reason()
    {
        var mapper = new X3DeliveryToRsxShipmentMapper(new SpsCommerceX3Options(), new InMemorySpsOrderArchive(), new InMemoryMappingTables());

        var foreign = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record(Delivery() with { OrderReference = "100000041" }, "v1"), CancellationToken.None));
        var pending = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record(Delivery() with { Status = FulfillmentStatus.Pending }, "v1"), CancellationToken.None));
        var empty = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record(Delivery() with { Lines = [] }, "v1"), CancellationToken.None));

        Assert.Contains("delivers no order from SPS", foreign.Reason, StringComparison.Ordinal);
        Assert.Contains("is not confirmed yet", pending.Reason, StringComparison.Ordinal);
        Assert.Contains("ships nothing", empty.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_archived_order_the_856_still_names_x3s_units_through_the_uom_table()
    {
        var mapper = new X3DeliveryToRsxShipmentMapper(new SpsCommerceX3Options(), new InMemorySpsOrderArchive(), new InMemoryMappingTables().Add(MappingTableNames.UnitOfMeasure, "CA", "CS"));

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Delivery(), "v1"), CancellationToken.None)).Document;

        var lines = mapped.Body.GetProperty("OrderLevel")[0].GetProperty("PackLevel").EnumerateArray().Select(p => p.GetProperty("ItemLevel")[0].GetProperty("ShipmentLine")).ToList();
        Assert.Equal(["EA", "CA", "EA"], lines.Select(l => l.GetProperty("ShipQtyUOM").GetString()));
        Assert.Equal([12m, 1m, 10m], lines.Select(l => l.GetProperty("OrderQty").GetDecimal()));
    }

    internal static async Task<InMemorySpsOrderArchive> ArchiveAsync()
    {
        var archive = new InMemorySpsOrderArchive();
        await archive.SaveAsync(new ArchivedSpsOrder { OrderKey = OrderKey, Order = Ordered(), AppliedAvailable = "1", AppliedFile = "out/PO/PO4509101.json", X3Order = "SO00017" }, null, CancellationToken.None);
        return archive;
    }

    /// <summary>A cross-dock order as sps-x3 archives it: DC ship-to, tees split over two mark-for stores, a case line for one.</summary>
    private static SalesOrder Ordered() => new()
    {
        SourceId = OrderKey,
        CustomerOrderNumber = "4509101",
        Customer = new PartyReference("C0100", "WMTALLTESTID"),
        OrderDate = new DateOnly(2026, 12, 1),
        Currency = "USD",
        ExternalReference = OrderKey,
        RequestedDeliveryDate = new DateOnly(2026, 12, 10),
        Department = "0042",
        VendorNumber = "V-SIM-01",
        Addresses = [new OrderAddress(AddressRole.ShipTo, "ST", "92", "6094", "Walmart DC 6094", null, ["1 Logistics Way"], "Bentonville", "AR", "72712", "US")],
        Carriers = [new CarrierRouting("M", "RDWY", "Roadway LTL", null)],
        Lines =
        [
            Line(1001, "TEE-BLU-M", 12, "EA", "0811", packSize: 6),
            Line(1002, "TEE-BLU-M", 12, "EA", "0812", packSize: 6),
            Line(2001, "HOODIE-GRY-M", 1, "CA", "0811", packSize: null) with { BuyerPartNumber = "B-100300", ConsumerPackageCode = "040063100300", Description = "Hoodie grey M" },
        ],
    };

    private static SalesOrderLine Line(int number, string item, decimal quantity, string unit, string store, decimal? packSize) => new()
    {
        LineNumber = number,
        ItemCode = item,
        Description = "Crew tee blue M",
        Quantity = quantity,
        Unit = unit == "CA" ? "CS" : "UN",
        UnitPrice = 4.25m,
        BuyerLineNumber = number < 2000 ? "1" : "2",
        BuyerPartNumber = "B-100200",
        ConsumerPackageCode = "040063100200",
        BuyerUnit = unit,
        DestinationLocation = store,
        PackSize = packSize,
    };

    /// <summary>X3's delivery of all of store 0811 and 10 of store 0812's 12 tees, lines linked to their order lines.</summary>
    private static Shipment Delivery() => new()
    {
        SourceId = "SD00042",
        OrderReference = OrderKey,
        SalesOrderNumber = "SO00017",
        ShipToCode = "6094",
        ShipDate = new DateOnly(2026, 12, 6),
        Status = FulfillmentStatus.Shipped,
        Tracking = [new ShipmentTracking("RDWY", "Roadway", "1Z999AA10000000042")],
        Lines =
        [
            new ShippedLine(1000, "TEE-BLU-M", 12, "UN") { OrderLineNumber = 1001 },
            new ShippedLine(2000, "HOODIE-GRY-M", 1, "CS") { OrderLineNumber = 2001 },
            new ShippedLine(3000, "TEE-BLU-M", 10, "UN") { OrderLineNumber = 1002 },
        ],
    };

    private static SourceRecord Record(Shipment delivery, string version) => new(delivery.SourceId, version, null, CanonicalJson.ToElement(delivery));

    private static List<string> Serials(JsonElement body) =>
        [.. body.GetProperty("OrderLevel").EnumerateArray().SelectMany(o => o.GetProperty("PackLevel").EnumerateArray()).Select(p => p.GetProperty("Pack").GetProperty("ShippingSerialID").GetString()!)];

    private sealed class AcceptingSink : ITargetSink
    {
        public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new WriteResult("in/" + request.Document.ExternalReference, WriteAction.Created));
    }
}
