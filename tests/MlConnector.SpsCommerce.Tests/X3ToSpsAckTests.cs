using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests;

public sealed class X3ToSpsAckTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_open_x3_order_becomes_an_855_accepting_every_line_under_a_name_fixed_by_its_version()
    {
        var mapper = new X3SalesOrderToRsxAckMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive());

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Order(PurchaseOrderStatus.Open), "v1"), CancellationToken.None));
        var again = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Order(PurchaseOrderStatus.Open), "v1"), CancellationToken.None));
        var changed = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Order(PurchaseOrderStatus.Open), "v2"), CancellationToken.None));

        Assert.Equal(SpsRsxUploadSink.Kind, mapped.Document.Kind);
        Assert.StartsWith("PR_WMTALLTESTID_4500101_", mapped.Document.ExternalReference, StringComparison.Ordinal);
        Assert.Equal(mapped.Document.ExternalReference, again.Document.ExternalReference);
        Assert.NotEqual(mapped.Document.ExternalReference, changed.Document.ExternalReference);
        var header = mapped.Document.Body.GetProperty("Header").GetProperty("OrderHeader");
        Assert.Equal("AD", header.GetProperty("AcknowledgementType").GetString());
        Assert.Equal("2026-12-02", header.GetProperty("AcknowledgementDate").GetString());
        Assert.Equal("2026-12-01", header.GetProperty("PurchaseOrderDate").GetString());
        var lines = mapped.Document.Body.GetProperty("LineItem").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], lines.Select(l => l.GetProperty("OrderLine").GetProperty("LineSequenceNumber").GetString()));
        Assert.All(lines, l => Assert.Equal("IA", l.GetProperty("LineItemAcknowledgement")[0].GetProperty("ItemStatusCode").GetString()));
        Assert.Equal("EA", lines[0].GetProperty("OrderLine").GetProperty("OrderQtyUOM").GetString());
        Assert.Equal("2026-12-15", lines[0].GetProperty("LineItemAcknowledgement")[0].GetProperty("ItemScheduleDate").GetString());
        Assert.Equal(12 * 4.25m + 6 * 3.10m, mapped.Document.Body.GetProperty("Summary").GetProperty("TotalAmount").GetDecimal());
    }

    [Fact]
    public async Task A_closed_order_is_acknowledged_as_rejected()
    {
        var mapped = Assert.IsType<MapResult.MappedResult>(await new X3SalesOrderToRsxAckMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive()).MapAsync(Record(Order(PurchaseOrderStatus.Closed), "v3"), CancellationToken.None));

        Assert.Equal("RD", mapped.Document.Body.GetProperty("Header").GetProperty("OrderHeader").GetProperty("AcknowledgementType").GetString());
        Assert.All(mapped.Document.Body.GetProperty("LineItem").EnumerateArray(), l => Assert.Equal("IR", l.GetProperty("LineItemAcknowledgement")[0].GetProperty("ItemStatusCode").GetString()));
    }

    [Fact]
    public async Task Only_orders_carrying_an_sps_reference_are_read()
    {
        var inner = new ListStream(
            Record(Order(PurchaseOrderStatus.Open), "v1"),
            Record(Order(PurchaseOrderStatus.Open) with { SourceId = "SO-LOCAL", ExternalReference = null }, "v1"),
            Record(Order(PurchaseOrderStatus.Open) with { SourceId = "SO-WEB", ExternalReference = "WEB-1001" }, "v1"));
        var records = new List<SourceRecord>();
        await foreach (var page in new SpsOriginatedStream(inner, "externalReference").ReadAsync(StreamPosition.Beginning, CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        Assert.Equal(["SO0001"], records.Select(r => r.Key));
    }

    [Fact]
    public async Task The_upload_sink_overwrites_the_same_name_and_sps_validation_errors_are_permanent_with_their_detail()
    {
        await using var harness = await SpsHarness.StartAsync();
        var sink = harness.Services.GetRequiredKeyedService<ITargetSink>(SpsRsxUploadSink.Kind);
        var good = Assert.IsType<MapResult.MappedResult>(await new X3SalesOrderToRsxAckMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive()).MapAsync(Record(Order(PurchaseOrderStatus.Open), "v1"), CancellationToken.None)).Document;

        var first = await sink.WriteAsync(Request(good, ambiguous: false), CancellationToken.None);
        var retry = await sink.WriteAsync(Request(good, ambiguous: true), CancellationToken.None);

        Assert.Equal("in/" + good.ExternalReference, first.TargetId);
        Assert.Equal(first.TargetId, retry.TargetId);
        var stored = Assert.Single(harness.Simulator.Files.Files("in/"));
        Assert.Equal("SO0001", stored.Meta["sps-meta-source-key"]);
        using (var document = JsonDocument.Parse(stored.Content))
        {
            Assert.Equal("4500101", document.RootElement.GetProperty("Header").GetProperty("OrderHeader").GetProperty("PurchaseOrderNumber").GetString());
        }

        var bad = good with { ExternalReference = "PR_bad.json", Body = JsonDocument.Parse("""{"Header":{"OrderHeader":{"PurchaseOrderNumber":"1","AcknowledgementType":"AD"}},"Extra":1}""").RootElement };
        var refused = await Assert.ThrowsAsync<TargetWriteException>(() => sink.WriteAsync(Request(bad, ambiguous: false), CancellationToken.None));

        Assert.False(refused.IsTransient);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("$ must NOT have additional properties (Extra)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Required property 'TradingPartnerId' is missing", refused.Message, StringComparison.Ordinal);
        Assert.Single(harness.Simulator.Files.Files("in/"));

        harness.Simulator.Faults.FailNext(503, times: 10, pathContains: "/transactions/v5/data/in/", method: "POST");
        var unavailable = await Assert.ThrowsAsync<TargetWriteException>(() => sink.WriteAsync(Request(good, ambiguous: false), CancellationToken.None));
        Assert.True(unavailable.IsTransient);
        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
    }

    private static WriteRequest Request(TargetDocument document, bool ambiguous) =>
        new("x3-sps-acks", "SO0001", "v1", null, ambiguous, "key-1", document);

    private static SalesOrder Order(PurchaseOrderStatus status) => new()
    {
        SourceId = "SO0001",
        CustomerOrderNumber = "4500101",
        Customer = new PartyReference("C0100", "Retailer"),
        OrderDate = new DateOnly(2026, 12, 1),
        Currency = "USD",
        RequestedDeliveryDate = new DateOnly(2026, 12, 20),
        RequestedShipDate = new DateOnly(2026, 12, 15),
        Status = status,
        ExternalReference = "WMTALLTESTID~4500101",
        Lines =
        [
            new SalesOrderLine { LineNumber = 1000, ItemCode = "TEE-BLU-M", Quantity = 12, Unit = "UN", UnitPrice = 4.25m },
            new SalesOrderLine { LineNumber = 2000, ItemCode = "SOCK-3PK", Quantity = 6, Unit = "CA", UnitPrice = 3.10m },
        ],
    };

    private static SourceRecord Record(SalesOrder order, string version) => new(order.SourceId, version, Stamp, CanonicalJson.ToElement(order));

    private sealed class ListStream(params SourceRecord[] records) : ISourceStream
    {
        public StreamDefinition Definition { get; } = new() { Name = "list", CursorField = "none" };

        public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return new SourcePage(records);
        }
    }
}
