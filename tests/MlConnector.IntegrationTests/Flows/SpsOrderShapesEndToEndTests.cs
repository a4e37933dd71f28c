using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Pipeline.Records;
using MlConnector.Simulators.SpsCommerce.Contracts;
using MlConnector.Simulators.SpsCommerce.Files;
using MlConnector.Simulators.SpsCommerce.Seeding;

namespace MlConnector.IntegrationTests.Flows;

/// <summary>
/// The four order shapes retailers send (cross-dock, multi-store, bulk, drop-ship) through every SPS flow: the X3 order
/// holds what SORDER can, and the 855, 856 and 810 echo the rest and pass SPS's contract.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpsOrderShapesEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Cross_dock_multi_store_bulk_and_drop_ship_orders_keep_their_addresses_dates_terms_and_allowances_on_x3_and_in_every_855_856_and_810()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 0, Shapes = true }, harness.Mappings, CancellationToken.None);
        var x3 = harness.Sandbox.X3;

        var orders = await harness.SyncAsync(SpsCommerceX3Flows.OrdersName);

        Assert.Equal(4, orders.Enqueued);
        Assert.Empty(await harness.RecordsAsync(SpsCommerceX3Flows.OrdersName, RecordStatus.Rejected));
        var byShape = scenario.ShapedOrders.ToDictionary(s => s.Key, s => x3.SalesOrders().Single(o => o["YEXTREF"]?.ToString() == s.Value), StringComparer.Ordinal);

        // On the X3 orders: ship-to (code and address), bill-to, ship and delivery dates, carrier, terms, notes, invoicing elements, stores per line, units.
        var crossDock = byShape[SpsOrderShapes.CrossDock];
        Assert.Equal(("6094", "Walmart DC 6094", "Walmart Accounts Payable"), (Text(crossDock, "BPAADD"), Text(crossDock, "BPDNAM"), Text(crossDock, "BPINAM")));
        Assert.Equal(("2026-12-06", "2026-12-10", "RDWY", OrderSeedScenario.X3PaymentTerm), (Text(crossDock, "SHIDAT"), Text(crossDock, "DEMDLVDAT"), Text(crossDock, "BPTNUM"), Text(crossDock, "PTE")));
        Assert.Equal(["DSC"], ((JsonArray)crossDock["INVDTA"]!).Select(e => e!.ToString()));
        Assert.Equal(["0811", "0812", "0811", "0812"], Lines(crossDock).Select(l => Text(l, "BPAADD")));
        Assert.Equal(["UN", "UN", SpsOrderShapes.CaseUnit, SpsOrderShapes.CaseUnit], Lines(crossDock).Select(l => Text(l, "SAU")));
        var multiStore = byShape[SpsOrderShapes.MultiStore];
        Assert.Equal(["1001", "1002", "1003", "1001", "1002"], Lines(multiStore).Select(l => Text(l, "BPAADD")));
        Assert.Equal(["FRT"], ((JsonArray)multiStore["INVDTA"]!).Select(e => e!.ToString()));
        Assert.Equal([25.00m], ((JsonArray)multiStore["INVDTAAMT"]!).Select(e => (decimal)e!));
        Assert.Equal(("PHX7", SpsOrderShapes.CaseUnit), (Text(byShape[SpsOrderShapes.Bulk], "BPAADD"), Text(Lines(byShape[SpsOrderShapes.Bulk])[0], "SAU")));
        var dropShip = byShape[SpsOrderShapes.DropShip];
        Assert.Equal(("Jane Consumer", "Springfield", "62704"), (Text(dropShip, "BPDNAM"), Text(dropShip, "BPDCTY"), Text(dropShip, "BPDPOSCOD")));
        Assert.Contains("Happy birthday, Sam!", Text(dropShip, "SOHTEX1"), StringComparison.Ordinal);

        // 855s: one per order, each passing SPS's schema, echoing terms, addresses and buyer identifiers.
        await harness.SyncAsync(SpsCommerceX3Flows.AcknowledgmentsName);
        var acks = Uploads(harness, "PR_", RsxDocumentType.OrderAcks);
        Assert.Equal(4, acks.Count);
        var dropShipAck = acks[Po(scenario, SpsOrderShapes.DropShip)];
        Assert.Equal("Jane Consumer", Address(dropShipAck.GetProperty("Header"), "ST").GetProperty("AddressName").GetString());
        Assert.Equal("WEB-88231", dropShipAck.GetProperty("Header").GetProperty("OrderHeader").GetProperty("CustomerOrderNumber").GetString());
        Assert.All(acks.Values, ack => Assert.Equal("2% 10 Net 30", ack.GetProperty("Header").GetProperty("PaymentTerms")[0].GetProperty("TermsDescription").GetString()));
        Assert.Equal("B-100200", acks[Po(scenario, SpsOrderShapes.CrossDock)].GetProperty("LineItem")[0].GetProperty("OrderLine").GetProperty("BuyerPartNumber").GetString());

        // X3 ships: the cross-dock order to its DC, the multi-store order store by store, the bulk order short, the drop-ship to the consumer.
        x3.DeliverSalesOrder(Text(crossDock, "SOHNUM")!, new DateOnly(2026, 12, 6), "RDWY", "PRO-556677");
        foreach (var store in Lines(multiStore).GroupBy(l => Text(l, "BPAADD")))
        {
            x3.DeliverSalesOrder(Text(multiStore, "SOHNUM")!, new DateOnly(2026, 12, 4), "UPSN", $"1Z999AA1{store.Key}0000", store.ToDictionary(l => (int)l["SOPLIN"]!, l => (decimal)l["QTY"]!));
        }

        var bulkLines = Lines(byShape[SpsOrderShapes.Bulk]);
        x3.DeliverSalesOrder(Text(byShape[SpsOrderShapes.Bulk], "SOHNUM")!, new DateOnly(2026, 12, 8), "FXFE", "PRO-998877",
            new Dictionary<int, decimal> { [(int)bulkLines[0]["SOPLIN"]!] = 30m, [(int)bulkLines[1]["SOPLIN"]!] = 480m });
        x3.DeliverSalesOrder(Text(dropShip, "SOHNUM")!, new DateOnly(2026, 12, 2), "FDEG", "794600000001");

        var shipped = await harness.SyncAsync(SpsCommerceX3Flows.ShipmentsName);

        Assert.Equal(6, shipped.Enqueued);
        Assert.Empty(await harness.RecordsAsync(SpsCommerceX3Flows.ShipmentsName, RecordStatus.Rejected));
        var notices = harness.Sandbox.Sps.Files.Files("in/").Where(f => Path.GetFileName(f.Path).StartsWith("SH_", StringComparison.Ordinal)).Select(f => Parse(f, RsxDocumentType.Shipments)).ToList();
        Assert.Equal(6, notices.Count);
        var serials = notices.SelectMany(Packs).Select(p => p.GetProperty("Pack").GetProperty("ShippingSerialID").GetString()!).ToList();
        Assert.All(serials, s => Assert.True(Sscc18.IsValid(s), s));
        Assert.Equal(serials.Count, serials.Distinct(StringComparer.Ordinal).Count());

        var crossDockNotice = Assert.Single(notices, n => OrderOf(n) == Po(scenario, SpsOrderShapes.CrossDock));
        Assert.Equal("6094", Address(crossDockNotice.GetProperty("Header"), "ST").GetProperty("AddressLocationNumber").GetString());
        Assert.Equal(["0811", "0812"], crossDockNotice.GetProperty("OrderLevel").EnumerateArray().Select(o => Address(o, "Z7").GetProperty("AddressLocationNumber").GetString()));
        Assert.Equal(["1001", "1002", "1003"], notices.Where(n => OrderOf(n) == Po(scenario, SpsOrderShapes.MultiStore))
            .Select(n => Address(n.GetProperty("Header"), "ST").GetProperty("AddressLocationNumber").GetString()).Order(StringComparer.Ordinal));
        var bulkNotice = Assert.Single(notices, n => OrderOf(n) == Po(scenario, SpsOrderShapes.Bulk));
        var bulkItems = Packs(bulkNotice).Select(p => p.GetProperty("ItemLevel")[0].GetProperty("ShipmentLine")).ToList();
        Assert.Equal(3 + 10, bulkItems.Count);
        Assert.Equal(("BP", 40m, 30m, "CA"), (bulkItems[0].GetProperty("ItemStatusCode").GetString(), bulkItems[0].GetProperty("OrderQty").GetDecimal(),
            bulkItems.Take(3).Sum(i => i.GetProperty("ShipQty").GetDecimal()), bulkItems[0].GetProperty("ShipQtyUOM").GetString()));
        var dropShipNotice = Assert.Single(notices, n => OrderOf(n) == Po(scenario, SpsOrderShapes.DropShip));
        Assert.Equal("12 Elm Street", Address(dropShipNotice.GetProperty("Header"), "ST").GetProperty("Address1").GetString());
        Assert.Equal(("FDEG", "794600000001"), (dropShipNotice.GetProperty("Header").GetProperty("CarrierInformation")[0].GetProperty("CarrierAlphaCode").GetString(),
            Packs(dropShipNotice)[0].GetProperty("Pack").GetProperty("CarrierPackageID").GetString()));

        // Each delivery version is sent once.
        Assert.Equal(0, (await harness.SyncAsync(SpsCommerceX3Flows.ShipmentsName)).Enqueued);

        // 810s: Taxes and ChargesAllowances so that the total is lines + tax + charges - allowances; addresses echoed.
        foreach (var order in byShape.Values)
        {
            x3.InvoiceSalesOrder(Text(order, "SOHNUM")!, new DateOnly(2026, 12, 9), taxRate: 0.08m);
        }

        await harness.SyncAsync(SpsCommerceX3Flows.InvoicesName);
        var invoices = Uploads(harness, "IN_", RsxDocumentType.Invoices);
        Assert.Equal(4, invoices.Count);
        foreach (var invoice in invoices.Values)
        {
            var summary = invoice.GetProperty("Summary");
            var tax = invoice.GetProperty("Header").GetProperty("Taxes")[0].GetProperty("TaxAmount").GetDecimal();
            var adjustments = invoice.GetProperty("Header").GetProperty("ChargesAllowances").EnumerateArray()
                .Sum(c => (c.GetProperty("AllowChrgIndicator").GetString() == "C" ? 1 : -1) * c.GetProperty("AllowChrgAmt").GetDecimal());
            Assert.Equal(summary.GetProperty("TotalSalesAmount").GetDecimal() + tax + adjustments, summary.GetProperty("TotalAmount").GetDecimal());
        }

        Assert.Equal("C310", invoices[Po(scenario, SpsOrderShapes.CrossDock)].GetProperty("Header").GetProperty("ChargesAllowances")[0].GetProperty("AllowChrgCode").GetString());
        Assert.Equal("Jane Consumer", Address(invoices[Po(scenario, SpsOrderShapes.DropShip)].GetProperty("Header"), "ST").GetProperty("AddressName").GetString());
    }

    private static string? Text(JsonObject row, string field) => row[field]?.ToString();

    private static List<JsonObject> Lines(JsonObject order) => [.. ((JsonArray)order["$lines"]!).OfType<JsonObject>()];

    private static string Po(OrderSeedScenario scenario, string shape) => scenario.ShapedOrders[shape].Split('~')[1];

    private static JsonElement Address(JsonElement parent, string type) =>
        parent.GetProperty("Address").EnumerateArray().First(a => a.GetProperty("AddressTypeCode").GetString() == type);

    private static string OrderOf(JsonElement notice) => notice.GetProperty("OrderLevel")[0].GetProperty("OrderHeader").GetProperty("PurchaseOrderNumber").GetString()!;

    private static List<JsonElement> Packs(JsonElement notice) =>
        [.. notice.GetProperty("OrderLevel").EnumerateArray().SelectMany(o => o.GetProperty("PackLevel").EnumerateArray())];

    /// <summary>The uploads of one document type by PO number, each checked against SPS's contract where its files are present.</summary>
    private static Dictionary<string, JsonElement> Uploads(ConnectedHarness harness, string prefix, RsxDocumentType type) =>
        harness.Sandbox.Sps.Files.Files("in/")
            .Where(f => Path.GetFileName(f.Path).StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => Parse(f, type))
            .ToDictionary(d => d.GetProperty("Header").EnumerateObject().First().Value.GetProperty("PurchaseOrderNumber").GetString()!, StringComparer.Ordinal);

    private static JsonElement Parse(SpsFile file, RsxDocumentType type)
    {
        if (RsxContract.Default is { } contract)
        {
            var violations = contract.Validate(type, file.Content);
            Assert.True(violations.Count == 0, $"{file.Path}: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")));
        }

        return JsonDocument.Parse(file.Content).RootElement.Clone();
    }
}
