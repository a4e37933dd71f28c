using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>Writes through published GraphQL operations, on premise and through the Cloud gateway.</summary>
public sealed class GraphQlWriteTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(SageX3Mode.GraphQl)]
    [InlineData(SageX3Mode.Cloud)]
    public async Task A_purchase_order_is_created_by_mutation_and_reads_back_the_same(SageX3Mode mode)
    {
        await using var connector = await BuildAsync(mode);
        var sink = connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");

        var created = await sink.WriteAsync(Request(Order("PROC-7001")), CancellationToken.None);
        await sink.WriteAsync(Request(Order("PROC-7001") with { Status = PurchaseOrderStatus.Cancelled }, existing: created.TargetId), CancellationToken.None);

        var stored = Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-7001"));
        Assert.Equal(created.TargetId, stored["POHNUM"]!.ToString());
        Assert.Equal("S0001", stored["BPSNUM"]!.ToString());
        Assert.Equal(2, stored["CLEFLG"]!.GetValue<int>());
        var readBack = (await connector.ReadAllPurchaseOrdersAsync()).Single(o => o.Number == created.TargetId);
        Assert.Equal("PROC-7001", readBack.BuyerReference);
        Assert.Equal([("PAPER-A4", 20m, "6061", "ADM")], readBack.Lines.Select(l => (l.ItemCode, l.Quantity, l.GlAccount!, l.CostCentre!)).ToArray());
    }

    [Fact]
    public async Task A_dropped_connection_after_a_create_mutation_never_yields_a_duplicate()
    {
        await using var connector = await BuildAsync(SageX3Mode.Cloud);
        var sink = connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");
        _simulator.Faults.DropConnectionAfterNext(pathContains: "/v1/graphql", method: "POST");

        var first = await sink.WriteAsync(Request(Order("PROC-7002")), CancellationToken.None);
        var retry = await sink.WriteAsync(Request(Order("PROC-7002"), ambiguous: true), CancellationToken.None);

        Assert.Equal(first.TargetId, retry.TargetId);
        Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-7002"));
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
    }

    [Fact]
    public async Task A_refused_mutation_is_a_permanent_error_with_X3s_message()
    {
        await using var connector = await BuildAsync(SageX3Mode.GraphQl);
        var sink = connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");
        var order = Order("PROC-7003") with { Lines = [Order("PROC-7003").Lines[0] with { GlAccount = "6071" }] };

        var error = await Assert.ThrowsAsync<TargetWriteException>(() => sink.WriteAsync(Request(order), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Account 6071: record does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_mutation_changes_lines_by_their_id_and_deletes_a_line_the_source_dropped()
    {
        await using var connector = await BuildAsync(SageX3Mode.GraphQl);
        var sink = connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");
        var twoLines = Order("PROC-7004") with { Lines = [Order("PROC-7004").Lines[0], Order("PROC-7004").Lines[0] with { LineNumber = 2000, ItemCode = "BOX-40", Unit = "UN", UnitPrice = 1.35m }] };
        var created = await sink.WriteAsync(Request(twoLines), CancellationToken.None);
        var firstLine = _simulator.Find("PORDER", created.TargetId)!["$lines"]![0]!["$uuid"]!.ToString();

        await sink.WriteAsync(Request(Order("PROC-7004") with { Lines = [Order("PROC-7004").Lines[0] with { Quantity = 35 }] }, existing: created.TargetId), CancellationToken.None);

        var line = Assert.Single(_simulator.Find("PORDER", created.TargetId)!["$lines"]!.AsArray());
        Assert.Equal(firstLine, line!["$uuid"]!.ToString());
        Assert.Equal(35m, line["QTYUOM"]!.GetValue<decimal>());
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
    }

    [Theory]
    [InlineData(SageX3Mode.GraphQl)]
    [InlineData(SageX3Mode.Rest)]
    public async Task A_receipt_carries_its_receipt_site_order_line_and_stock_details(SageX3Mode mode)
    {
        await using var connector = await BuildAsync(mode);
        var notice = new ShipNotice
        {
            SourceId = "856-7",
            ShipmentId = "ASN-7005",
            PurchaseOrderNumber = "POSEED0004",
            ShipDate = new DateOnly(2026, 11, 22),
            Lines = [new ShippedLine(1000, "BOX-40", 6, "UN")],
        };

        var result = await connector.GetRequiredKeyedService<ITargetSink>("x3-receipt").WriteAsync(
            new WriteRequest("stedi-x3", "856-7", "1", null, false, "k", new TargetDocument("x3-receipt", "ASN-7005", "receipt", CanonicalJson.ToElement(notice))), CancellationToken.None);

        var receipt = _simulator.Find("PRECEIPT", result.TargetId)!;
        Assert.Equal("FR011", receipt["PRHFCY"]!.ToString());
        var line = Assert.Single(receipt["$lines"]!.AsArray())!;
        Assert.Equal(("FR011", "POSEED0004", 1000, 6m), (line["PRHFCY"]!.ToString(), line["POHNUM"]!.ToString(), line["POPLIN"]!.GetValue<int>(), line["QTYUOM"]!.GetValue<decimal>()));
        if (mode == SageX3Mode.GraphQl)
        {
            var stock = Assert.Single(line["$stockDetails"]!.AsArray())!;
            Assert.Equal(("A", "UN", 6m), (stock["STA"]!.ToString(), stock["PCU"]!.ToString(), stock["QTYPCU"]!.GetValue<decimal>()));
        }
    }

    private async Task<ServiceProvider> BuildAsync(SageX3Mode mode) =>
        mode == SageX3Mode.Cloud
            ? await X3Connector.BuildPairedCloudAsync(_simulator, X3Connector.Secrets(_simulator))
            : X3Connector.Build(_simulator, mode);

    private static PurchaseOrder Order(string number) => new()
    {
        SourceId = "jaggaer-" + number,
        Number = number,
        Supplier = new PartyReference("S0001", "ACME Office Supplies"),
        OrderDate = new DateOnly(2026, 11, 18),
        Currency = "USD",
        Site = "US011",
        Lines = [new PurchaseOrderLine { LineNumber = 1000, ItemCode = "PAPER-A4", Quantity = 20, Unit = "BOX", UnitPrice = 24.5m, GlAccount = "6061", CostCentre = "ADM" }],
    };

    private static WriteRequest Request(PurchaseOrder order, string? existing = null, bool ambiguous = false) =>
        new("jaggaer-x3", order.SourceId, "v1", existing, ambiguous, "key-" + order.Number,
            new TargetDocument("x3-purchase-order", order.Number, $"PO {order.Number}", CanonicalJson.ToElement(order)));
}
