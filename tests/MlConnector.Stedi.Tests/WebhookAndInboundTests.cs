using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.Webhooks;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.StediX3;
using MlConnector.Simulators.Stedi;
using MlConnector.Stedi.Tests.Support;

namespace MlConnector.Stedi.Tests;

/// <summary>Webhook authentication and parsing, and the inbound mapper fetching the translated JSON from the simulator.</summary>
public sealed class WebhookAndInboundTests
{
    [Fact]
    public async Task Only_the_configured_api_key_header_is_accepted()
    {
        await using var harness = await StediHarness.StartAsync();
        var body = Event(harness, "INBOUND", "855");

        Assert.True(harness.Webhooks.Verify(Delivery(body, ("Authorization", "Bearer whk-123"))).IsValid);
        var missing = harness.Webhooks.Verify(Delivery(body));
        var wrong = harness.Webhooks.Verify(Delivery(body, ("Authorization", "Bearer whk-124")));
        var noAuth = harness.Webhooks.Verify(Delivery(body, ("x-stedi-noauth", "dummy")));

        Assert.False(missing.IsValid);
        Assert.False(wrong.IsValid);
        Assert.False(noAuth.IsValid);
        Assert.DoesNotContain("whk-12", wrong.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_needs_the_configured_user_and_the_stored_password()
    {
        await using var harness = await StediHarness.StartAsync(settings: new Dictionary<string, string?> { ["Stedi:WebhookAuthMode"] = "Basic", ["Stedi:WebhookBasicUser"] = "stedi" });
        await harness.Secrets.SetSecretAsync(StediSecretNames.WebhookCredential, "s3cret", CancellationToken.None);
        var source = new StediWebhookSource(Microsoft.Extensions.Options.Options.Create(harness.Options),
            new StediWebhookCredential(harness.Secrets, TimeProvider.System), Microsoft.Extensions.Logging.Abstractions.NullLogger<StediWebhookSource>.Instance);
        var body = Event(harness, "INBOUND", "856");

        Assert.True(source.Verify(Delivery(body, ("Authorization", Basic("stedi", "s3cret")))).IsValid);
        Assert.False(source.Verify(Delivery(body, ("Authorization", Basic("stedi", "guess")))).IsValid);
        Assert.False(source.Verify(Delivery(body, ("Authorization", Basic("admin", "s3cret")))).IsValid);
        Assert.False(source.Verify(Delivery(body, ("Authorization", "Basic not-base64!"))).IsValid);
    }

    [Fact]
    public async Task Inbound_855_and_856_become_records_and_our_own_850_a_997_and_file_events_are_acknowledged_without_one()
    {
        await using var harness = await StediHarness.StartAsync();

        var ack = harness.Webhooks.Parse(Delivery(Event(harness, "INBOUND", "855")));
        var outbound = harness.Webhooks.Parse(Delivery(Event(harness, "OUTBOUND", "850")));
        var functional = harness.Webhooks.Parse(Delivery(Event(harness, "INBOUND", "997")));
        var file = harness.Webhooks.Parse(Delivery("{\"event\":{\"detail-type\":\"file.processed.v2\",\"detail\":{}}}"));
        var malformed = harness.Webhooks.Parse(Delivery("{\"event\":"));
        var incomplete = harness.Webhooks.Parse(Delivery("{\"event\":{\"detail-type\":\"transaction.processed.v2\",\"detail\":{\"direction\":\"INBOUND\"}}}"));

        var record = Assert.IsType<SourceRecord>(ack.Record);
        Assert.Equal("855", CanonicalJson.FromElement<StediTransactionEvent>(record.Payload).TransactionSetId);
        Assert.Null(outbound.Record);
        Assert.Contains("our own outbound document", outbound.IgnoredReason, StringComparison.Ordinal);
        Assert.Contains("only 855 and 856", functional.IgnoredReason, StringComparison.Ordinal);
        Assert.Contains("file.processed.v2", file.IgnoredReason, StringComparison.Ordinal);
        Assert.NotNull(malformed.Error);
        Assert.Contains("detail.transactionId", incomplete.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_855_is_fetched_through_the_presigned_url_without_the_api_key_and_becomes_an_x3_confirmation()
    {
        await using var harness = await StediHarness.StartAsync();
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.Acknowledgment("PO0001", "AC", "IB"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var document = Assert.IsType<MapResult.MappedResult>(result).Document;
        Assert.Equal(SageX3OrderConfirmationSink.Kind, document.Kind);
        var ack = CanonicalJson.FromElement<OrderAcknowledgment>(document.Body);
        Assert.Equal(("PO0001", AcknowledgmentType.AcceptedWithChanges, new DateOnly(2025, 3, 2)), (ack.PurchaseOrderNumber, ack.Type, ack.AcknowledgedOn));
        var line = Assert.Single(ack.Lines);
        Assert.Equal((1000, "ITM-100", LineAcknowledgmentStatus.Backordered, 12m, new DateOnly(2025, 3, 9)), (line.LineNumber, line.ItemCode, line.Status, line.Quantity, line.ScheduledDate));
        var download = Assert.Single(harness.Simulator.Journal.Entries, entry => entry.Path.StartsWith("/_artifacts/", StringComparison.Ordinal));
        Assert.False(download.Headers.ContainsKey("authorization"));
        Assert.Equal(200, download.Status);
        Assert.Contains(harness.Simulator.Journal.Entries, entry => entry.Path == $"/2023-08-01/transactions/{id}/output" && entry.Status == 302);
    }

    [Fact]
    public async Task An_856_becomes_a_receipt_matched_to_the_x3_lines_with_carrier_and_tracking()
    {
        await using var harness = await StediHarness.StartAsync();
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12), (2000, "ITM-200", 5));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "856", PartnerDocuments.ShipNotice("SHP-77", "ITM-100", "PO0001"));

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        var document = Assert.IsType<MapResult.MappedResult>(result).Document;
        Assert.Equal(ReceiptsPerOrderSink.Kind, document.Kind);
        var notice = Assert.Single(CanonicalJson.FromElement<List<ShipNotice>>(document.Body));
        Assert.Equal(("SHP-77", "PO0001", new DateOnly(2025, 3, 5), "UPSN", "1Z999AA10123456784"), (notice.ShipmentId, notice.PurchaseOrderNumber, notice.ShipDate, notice.CarrierCode, notice.TrackingNumber));
        Assert.Equal([new ShippedLine(1000, "ITM-100", 12, "EA")], notice.Lines);
    }

    [Theory]
    [InlineData("unknown-order", "answers purchase order PO9999, which does not exist in X3")]
    [InlineData("other-partner", "belongs to supplier SUP-OTHER, which has no row in the 'trading-partner' mapping table")]
    [InlineData("two-orders", "X3 purchase order PO0002 belongs to supplier SUP-OTHER")]
    [InlineData("unknown-item", "ships line id '1000', BP 'ITM-100' (item level 3), which is not on X3 purchase order PO0003")]
    [InlineData("bad-ack-type", "acknowledgment type 'ZZ' (BAK02)")]
    public async Task Inbound_documents_that_cannot_be_written_are_rejected_with_the_reason(string scenario, string reason)
    {
        await using var harness = await StediHarness.StartAsync();
        var orders = new InMemoryPurchaseOrders()
            .Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12))
            .Add("PO0002", "SUP-OTHER", (1000, "ITM-100", 12))
            .Add("PO0003", StediHarness.Supplier, (1000, "ITM-999", 1));
        var (set, json) = scenario switch
        {
            "unknown-order" => ("856", PartnerDocuments.ShipNotice("SHP-1", "ITM-100", "PO9999")),
            "other-partner" => ("855", PartnerDocuments.Acknowledgment("PO0002")),
            "two-orders" => ("856", PartnerDocuments.ShipNotice("SHP-2", "ITM-100", "PO0001", "PO0002")),
            "unknown-item" => ("856", PartnerDocuments.ShipNotice("SHP-3", "ITM-100", "PO0003")),
            _ => ("855", PartnerDocuments.Acknowledgment("PO0001", type: "ZZ")),
        };
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, set, json);

        var result = await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None);

        Assert.Contains(reason, Assert.IsType<MapResult.RejectedResult>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stedi_failing_to_answer_is_a_retry_and_an_unknown_transaction_a_rejection()
    {
        await using var harness = await StediHarness.StartAsync();
        var orders = new InMemoryPurchaseOrders().Add("PO0001", StediHarness.Supplier, (1000, "ITM-100", 12));
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.Acknowledgment("PO0001"));
        harness.Simulator.Faults.FailNext(503, times: 10, pathContains: "/output");

        await Assert.ThrowsAsync<StediApiException>(async () => await Mapper(harness, orders).MapAsync(Record(harness, id), CancellationToken.None));
        harness.Simulator.Faults.Clear();
        var unknown = await Mapper(harness, orders).MapAsync(
            new SourceRecord("nope", "1", null, CanonicalJson.ToElement(new StediTransactionEvent("nope", "855", StediHarness.Partnership, null))), CancellationToken.None);

        Assert.Contains("Stedi has no transaction nope", Assert.IsType<MapResult.RejectedResult>(unknown).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_of_suppliers_without_a_partnership_and_closed_orders_are_passed_over_quietly()
    {
        await using var harness = await StediHarness.StartAsync();
        var source = new ListStream([
            Orders.Record(Orders.Order("PO0001")),
            Orders.Record(Orders.Order("PO0002", supplier: "SUP-PAPER")),
            Orders.Record(Orders.Order("PO0003", status: PurchaseOrderStatus.Closed)),
        ]);
        var filter = new EdiPartnerFilter(source, harness.Partners,
            payload => CanonicalJson.FromElement<PurchaseOrder>(payload).Supplier.Code,
            payload => CanonicalJson.FromElement<PurchaseOrder>(payload).Status != PurchaseOrderStatus.Closed,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var kept = new List<SourceRecord>();
        await foreach (var page in filter.ReadAsync(StreamPosition.Beginning, CancellationToken.None))
        {
            kept.AddRange(page.Records);
            Assert.Equal("resume-1", page.ResumeToken);
        }

        Assert.Equal(["PO0001"], kept.Select(record => record.Key));
    }

    private static StediInboundMapper Mapper(StediHarness harness, InMemoryPurchaseOrders orders) =>
        new(harness.Client, orders, harness.Partners, harness.Mappings, TimeProvider.System);

    private static SourceRecord Record(StediHarness harness, string transactionId)
    {
        var transaction = harness.Simulator.Store.Transaction(transactionId)!;
        var body = harness.Simulator.Webhooks.Event(transaction, harness.Simulator.BaseAddress).ToJsonString();
        return harness.Webhooks.Parse(Delivery(body)).Record!;
    }

    private static string Event(StediHarness harness, string direction, string set)
    {
        var transaction = new Simulators.Stedi.Model.SimTransaction(Guid.NewGuid().ToString(), direction, set, StediHarness.Partnership,
            harness.Simulator.SettingId(StediHarness.Partnership, set == "997" ? "855" : set, direction == "INBOUND" ? "inbound" : "outbound"), "fx-1", DateTimeOffset.UtcNow, new JsonObject(), "ISA*",
            new JsonObject { ["transaction"] = new JsonObject { ["controlNumber"] = "0001", ["transactionSetIdentifier"] = set } });
        return harness.Simulator.Webhooks.Event(transaction, harness.Simulator.BaseAddress).ToJsonString();
    }

    private static WebhookDelivery Delivery(string body, params (string Name, string Value)[] headers) =>
        new(headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private sealed class ListStream(IReadOnlyList<SourceRecord> records) : ISourceStream
    {
        public StreamDefinition Definition => new() { Name = "list", CursorField = "none" };

        public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return new SourcePage(records, "resume-1");
        }
    }
}
