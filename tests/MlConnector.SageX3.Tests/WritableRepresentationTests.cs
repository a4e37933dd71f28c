using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>
/// X3's standard representations only read: writes go through representations the customer builds, named by settings
/// that <c>mlc ping</c> checks; an update sends only what differs, lines addressed by their <c>$uuid</c>.
/// </summary>
public sealed class WritableRepresentationTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Ping_names_the_write_representation_setting_when_it_is_a_standard_read_only_one()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["PurchaseOrderWriteRepresentation"] = "PORDER" });

        var result = await connector.GetRequiredService<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.Equal(ConnectionPart.Representation, result.FailingPart);
        Assert.Contains("Representation 'PORDER' of class PORDER does not accept $create", result.Detail, StringComparison.Ordinal);
        Assert.Contains("SageX3__PurchaseOrderWriteRepresentation", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_names_the_write_representation_setting_when_X3_lacks_it()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["SupplierWriteRepresentation"] = "YNOSUCH" });

        var result = await connector.GetRequiredService<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.Equal(ConnectionPart.Representation, result.FailingPart);
        Assert.Contains("SageX3__SupplierWriteRepresentation", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_written_through_a_standard_representation_is_refused_by_X3()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["PurchaseOrderWriteRepresentation"] = "PORDER" });

        var error = await Assert.ThrowsAsync<TargetWriteException>(() => Sink(connector).WriteAsync(Request(Order("PROC-8801")), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("The facet $create is not available on representation 'PORDER'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_order_sends_no_edit_and_a_changed_one_edits_its_lines_in_place()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var created = await Sink(connector).WriteAsync(Request(Order("PROC-8802")), CancellationToken.None);
        var before = _simulator.Find("PORDER", created.TargetId)!;

        await Sink(connector).WriteAsync(Request(Order("PROC-8802"), created.TargetId), CancellationToken.None);
        var editsWhenUnchanged = _simulator.Journal.Entries.Count(e => e.Method == "PUT");
        var changed = Order("PROC-8802") with { Lines = [Order("PROC-8802").Lines[0], Order("PROC-8802").Lines[1] with { Quantity = 7, UnitPrice = 2.5m }] };
        await Sink(connector).WriteAsync(Request(changed, created.TargetId), CancellationToken.None);

        Assert.Equal(0, editsWhenUnchanged);
        var after = _simulator.Find("PORDER", created.TargetId)!;
        var lines = after["$lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal([before["$lines"]![0]!["$uuid"]!.ToString(), before["$lines"]![1]!["$uuid"]!.ToString()], lines.Select(l => l!["$uuid"]!.ToString()));
        Assert.Equal((7m, 2.5m), (lines[1]!["QTYUOM"]!.GetValue<decimal>(), lines[1]!["GROPRI"]!.GetValue<decimal>()));
        Assert.Equal(1, _simulator.Journal.Entries.Count(e => e.Method == "PUT"));
    }

    [Fact]
    public async Task A_line_dropped_at_the_source_is_refused_over_REST_with_the_line_named()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var created = await Sink(connector).WriteAsync(Request(Order("PROC-8803")), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TargetWriteException>(() =>
            Sink(connector).WriteAsync(Request(Order("PROC-8803") with { Lines = [Order("PROC-8803").Lines[0]] }, created.TargetId), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("line 2000 of X3 PORDER", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _simulator.Find("PORDER", created.TargetId)!["$lines"]!.AsArray().Count);
    }

    private static ITargetSink Sink(IServiceProvider connector) => connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");

    private static PurchaseOrder Order(string number) => SampleOrders.Procurify(number) with { Site = "US011" };

    private static WriteRequest Request(PurchaseOrder order, string? existing = null) => SampleOrders.Request(order, existing);
}
