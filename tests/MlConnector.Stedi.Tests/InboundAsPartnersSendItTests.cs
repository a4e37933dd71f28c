using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.StediX3;
using MlConnector.Simulators.Stedi;
using MlConnector.Stedi.Tests.Support;
using MlConnector.Stedi.Tests.X12Check;

namespace MlConnector.Stedi.Tests;

/// <summary>855s and 856s in the shapes partners really send through Stedi, read into X3 writes.</summary>
public sealed class InboundAsPartnersSendItTests
{
    [Fact]
    public async Task Stedis_own_sample_855_with_item_1_line_ids_confirms_the_x3_lines_its_part_numbers_name()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ACM/1100-001", 4), (2000, "ACM/8900-400", 8));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.StediSampleAcknowledgment("PO0001"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var ack = CanonicalJson.FromElement<OrderAcknowledgment>(Assert.IsType<MapResult.MappedResult>(result).Document.Body);
        Assert.Equal(AcknowledgmentType.AcceptedWithoutChange, ack.Type);
        Assert.Equal([(2000, "ACM/8900-400", 8m), (1000, "ACM/1100-001", 4m)], ack.Lines.Select(l => (l.LineNumber, l.ItemCode, l.Quantity)));
        Assert.All(ack.Lines, line => Assert.Equal(LineAcknowledgmentStatus.Accepted, line.Status));
        var segments = await NodeX12.SegmentsAsync(harness.Simulator.Store.Transaction(id)!.Edi);
        Assert.Contains("PO1*item-1*8*EA*400**VC*VND1234567*SK*ACM/8900-400", segments);
    }

    [Fact]
    public async Task An_855_whose_ids_match_nothing_is_matched_by_position_when_it_has_as_many_lines_as_the_order()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "BOLT", 8), (2000, "NUT", 4));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.StediSampleAcknowledgment("PO0001"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var ack = CanonicalJson.FromElement<OrderAcknowledgment>(Assert.IsType<MapResult.MappedResult>(result).Document.Body);
        Assert.Equal([(1000, "BOLT"), (2000, "NUT")], ack.Lines.Select(l => (l.LineNumber, l.ItemCode)));
    }

    [Fact]
    public async Task An_855_line_that_matches_no_x3_line_rejects_the_acknowledgment_naming_the_line()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ACM/8900-400", 8));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.StediSampleAcknowledgment("PO0001"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        Assert.Contains("its line 2 (line id 'item-2', VC 'VND000111222', SK 'ACM/1100-001') matches no line of X3 purchase order PO0001",
            Assert.IsType<MapResult.RejectedResult>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_part_number_mapped_in_the_item_number_table_finds_its_x3_line()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        harness.Mappings.Add("item-number", "VND1234567", "ANVIL-400").Add("item-number", "VND000111222", "DETONATOR");
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "DETONATOR", 4), (2000, "ANVIL-400", 8), (3000, "ROPE", 1));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.StediSampleAcknowledgment("PO0001"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var ack = CanonicalJson.FromElement<OrderAcknowledgment>(Assert.IsType<MapResult.MappedResult>(result).Document.Body);
        Assert.Equal([2000, 1000], ack.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public async Task A_pallet_856_with_tare_and_pack_levels_for_two_orders_becomes_one_receipt_per_order_with_quantities_summed_per_line()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var orders = new InMemoryPurchaseOrders()
            .Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12), (2000, "ITM-200", 5))
            .Add("PO0002", StediHarness.Supplier, (1000, "ITM-300", 7));
        var asn = PartnerDocuments.PalletShipNotice("SHP-88",
            ("PO0001", [[("ITM-100", 6), ("ITM-200", 5)], [("ITM-100", 6)]]),
            ("PO0002", [[("ITM-300", 7)]]));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "856", asn);

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var document = Assert.IsType<MapResult.MappedResult>(result).Document;
        Assert.Equal(ReceiptsPerOrderSink.Kind, document.Kind);
        var receipts = CanonicalJson.FromElement<List<ShipNotice>>(document.Body);
        Assert.Equal(["SHP-88/PO0001", "SHP-88/PO0002"], receipts.Select(r => r.ShipmentId));
        Assert.Equal([new ShippedLine(1000, "ITM-100", 12, "EA"), new ShippedLine(2000, "ITM-200", 5, "EA")], receipts[0].Lines);
        Assert.Equal([new ShippedLine(1000, "ITM-300", 7, "EA")], receipts[1].Lines);
        Assert.All(receipts, r => Assert.Equal(("UPSN", "BOL-SHP-88"), (r.CarrierCode, r.TrackingNumber)));
        var segments = await NodeX12.SegmentsAsync(harness.Simulator.Store.Transaction(id)!.Edi);
        Assert.Equal("S O T P I I P I O T P I", string.Join(' ', segments.Where(s => s.StartsWith("HL*", StringComparison.Ordinal)).Select(s => s.Split('*')[3])));
    }

    [Fact]
    public async Task The_receipts_of_a_multi_order_856_are_written_once_each_even_when_the_write_is_retried()
    {
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        var sink = new ReceiptsPerOrderSink(new CountingReceiptSink(written));
        var receipts = new List<ShipNotice>
        {
            new() { SourceId = "t", ShipmentId = "SHP-88/PO0001", PurchaseOrderNumber = "PO0001", ShipDate = new DateOnly(2025, 3, 5), Lines = [new ShippedLine(1000, "ITM-100", 12, "EA")] },
            new() { SourceId = "t", ShipmentId = "SHP-88/PO0002", PurchaseOrderNumber = "PO0002", ShipDate = new DateOnly(2025, 3, 5), Lines = [new ShippedLine(1000, "ITM-300", 7, "EA")] },
        };
        var request = new WriteRequest("stedi-x3", "tx-1", "1", null, false, "unused", new TargetDocument(ReceiptsPerOrderSink.Kind, "SHP-88", "856", CanonicalJson.ToElement(receipts)));

        var first = await sink.WriteAsync(request, CancellationToken.None);
        var retry = await sink.WriteAsync(request with { PreviousAttemptAmbiguous = true }, CancellationToken.None);

        Assert.Equal("R-SHP-88/PO0001,R-SHP-88/PO0002", first.TargetId);
        Assert.Equal(WriteAction.Created, first.Action);
        Assert.Equal(WriteAction.AlreadyPresent, retry.Action);
        Assert.Equal(2, written.Count);
    }

    [Fact]
    public async Task An_856_item_level_under_no_order_level_of_a_multi_order_notice_is_rejected_naming_the_level()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12)).Add("PO0002", StediHarness.Supplier, (1000, "ITM-100", 12));
        var asn = PartnerDocuments.PalletShipNotice("SHP-89", ("PO0001", [[("ITM-100", 1)]]), ("PO0002", [[("ITM-100", 1)]]));
        var shipment = asn["detail"]!["hierarchical_level_HL_loop_shipment"]![0]!.AsObject();
        shipment["hierarchical_level_HL_loop_item"] = new JsonArray(new JsonObject
        {
            ["hierarchical_level_HL"] = new JsonObject { ["hierarchical_id_number_01"] = "99", ["hierarchical_parent_id_number_02"] = "1", ["hierarchical_level_code_03"] = "I" },
            ["item_identification_LIN"] = new JsonObject { ["product_service_id_qualifier_02"] = "BP", ["product_service_id_03"] = "ITM-100" },
            ["item_detail_shipment_SN1"] = new JsonObject { ["number_of_units_shipped_02"] = 1, ["unit_or_basis_for_measurement_code_03"] = "EA" },
        });
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "856", asn);

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        Assert.Contains("item level 99 sits under none of their order levels", Assert.IsType<MapResult.RejectedResult>(result).Reason, StringComparison.Ordinal);
    }

    private static StediInboundMapper Mapper(StediHarness harness, InMemoryPurchaseOrders orders) =>
        new(harness.Client, orders, harness.Partners, harness.Mappings, TimeProvider.System);

    private static SourceRecord Record(StediHarness harness, string transactionId)
    {
        var transaction = harness.Simulator.Store.Transaction(transactionId)!;
        var body = harness.Simulator.Webhooks.Event(transaction, harness.Simulator.BaseAddress).ToJsonString();
        return harness.Webhooks.Parse(new WebhookDelivery(new Dictionary<string, string>(), System.Text.Encoding.UTF8.GetBytes(body))).Record!;
    }

    /// <summary>An X3 receipt sink that, like the real one, finds a receipt it wrote before by its external reference.</summary>
    private sealed class CountingReceiptSink(Dictionary<string, int> written) : ITargetSink
    {
        public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
        {
            Assert.Equal(SageX3ReceiptSink.Kind, request.Document.Kind);
            var reference = request.Document.ExternalReference;
            var existed = written.ContainsKey(reference);
            written[reference] = written.GetValueOrDefault(reference) + 1;
            return Task.FromResult(new WriteResult("R-" + reference, existed ? WriteAction.AlreadyPresent : WriteAction.Created));
        }
    }
}
