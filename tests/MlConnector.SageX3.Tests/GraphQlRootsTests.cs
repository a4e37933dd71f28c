using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Diagnostics;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>X3 before 2024 R1 publishes xtremX3Purchasing…: the roots are a setting, and <c>mlc ping</c> says which one the server has.</summary>
public sealed class GraphQlRootsTests : IAsyncLifetime
{
    private SageX3Simulator _legacy = null!;

    public async Task InitializeAsync() => _legacy = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { GraphQlRoots = X3GraphQlRoots.Legacy });

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    [Fact]
    public async Task Ping_against_an_X3_older_than_2024_R1_names_the_root_prefix_setting_to_change()
    {
        await using var connector = X3Connector.Build(_legacy, SageX3Mode.GraphQl);

        var result = await connector.GetRequiredService<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectionPart.Setting, result.FailingPart);
        Assert.Contains("X3 publishes xtremX3Purchasing, not x3Purchasing", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Set SageX3__GraphQlRootPrefix=xtremX3.", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_legacy_prefix_set_ping_passes_and_orders_read_as_over_REST()
    {
        await using var graphQl = X3Connector.Build(_legacy, SageX3Mode.GraphQl, overrides: new Dictionary<string, string?> { ["GraphQlRootPrefix"] = "xtremX3" });
        await using var rest = X3Connector.Build(_legacy, SageX3Mode.Rest);

        var result = await graphQl.GetRequiredService<IConnectionCheck>().CheckAsync(CancellationToken.None);
        var fromGraphQl = await graphQl.ReadAllPurchaseOrdersAsync();

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(JsonSerializer.Serialize(await rest.ReadAllPurchaseOrdersAsync(), CanonicalJson.Options), JsonSerializer.Serialize(fromGraphQl, CanonicalJson.Options));
    }

    [Fact]
    public async Task A_path_X3_does_not_publish_is_named_with_its_setting()
    {
        await using var connector = X3Connector.Build(_legacy, SageX3Mode.GraphQl, overrides: new Dictionary<string, string?>
        {
            ["GraphQlRootPrefix"] = "xtremX3",
            ["GraphQlFields:PurchaseOrderLine:AMTTAX"] = "taxAmount",
        });

        var result = await connector.GetRequiredService<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.Equal(ConnectionPart.Setting, result.FailingPart);
        Assert.Contains("Cannot query field \"taxAmount\" on type \"PurchaseOrderLine\"", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Set SageX3__GraphQlFields__PurchaseOrderLine__AMTTAX", result.Detail, StringComparison.Ordinal);
    }
}
