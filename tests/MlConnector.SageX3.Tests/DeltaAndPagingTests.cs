using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Rest;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

public sealed class DeltaAndPagingTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { PageCap = 20 });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(SageX3Mode.Rest)]
    [InlineData(SageX3Mode.GraphQl)]
    public async Task A_delta_read_returns_only_records_changed_since_the_cursor(SageX3Mode mode)
    {
        await using var connector = X3Connector.Build(_simulator, mode);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        _simulator.Touch("PORDER", "POSEED0007", new Dictionary<string, object?> { ["EXTRCPDAT"] = "2030-01-31" });
        _simulator.Touch("PORDER", "POSEED0019", new Dictionary<string, object?> { ["CLEFLG"] = 2 });

        var changed = await connector.ReadAllPurchaseOrdersAsync(since);

        Assert.Equal(["POSEED0007", "POSEED0019"], changed.Select(o => o.Number).Order().ToArray());
    }

    [Fact]
    public async Task A_delta_read_on_a_representation_without_UPDDATTIM_says_so()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?>
        {
            ["PurchaseOrderRepresentation"] = "YPOHLITE",
            ["PurchaseOrderLinesProperty"] = "YPOHLINES",
        });

        var full = await connector.ReadAllPurchaseOrdersAsync();
        var error = await Assert.ThrowsAsync<SageX3ConfigurationException>(() => connector.ReadAllPurchaseOrdersAsync(DateTimeOffset.UtcNow.AddDays(-2)));

        Assert.Equal(25, full.Count);
        Assert.Contains("'YPOHLITE'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not expose UPDDATTIM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_on_an_unknown_property_is_a_500_with_diagnoses_and_a_clear_error()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var rest = connector.GetRequiredService<SageX3RestClient>();

        var error = await Assert.ThrowsAsync<SageX3ApiException>(async () =>
        {
            await foreach (var page in rest.QueryAsync("PORDER", "PORDER", "NOSUCHFIELD eq 'x'", null, CancellationToken.None))
            {
                Assert.Fail("no page expected");
            }
        });

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("Property 'NOSUCHFIELD' does not exist in representation 'PORDER'", Assert.Single(error.Diagnoses), StringComparison.Ordinal);
        Assert.Contains("NOSUCHFIELD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SData_where_grammar_filters_rows()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var rest = connector.GetRequiredService<SageX3RestClient>();

        async Task<List<string>> Keys(string where)
        {
            var keys = new List<string>();
            await foreach (var page in rest.QueryAsync("PORDER", "PORDER", where, 100, CancellationToken.None))
            {
                keys.AddRange(page.Resources.Select(r => r["POHNUM"]!.ToString()));
            }

            return keys;
        }

        Assert.Equal(["POSEED0003", "POSEED0006"], await Keys("BPSNUM eq 'S0001' and (POHNUM le 'POSEED0006')"));
        Assert.Equal(["POSEED0001", "POSEED0025"], await Keys("POHNUM in ('POSEED0001', 'POSEED0025')"));
        Assert.Equal(6, (await Keys("POHFCY like 'FR%'")).Count);
        Assert.Equal(["POSEED0002", "POSEED0004"], await Keys("POHNUM eq 'POSEED0002' or POHNUM eq 'POSEED0004'"));
        Assert.Equal(22, (await Keys("not (CLEFLG eq 2) and POHNUM ne 'POSEED0001'")).Count);
        Assert.Empty(await Keys($"UPDDATTIM gt @{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}@"));
        Assert.Equal(25, (await Keys($"UPDDATTIM ge @{DateTimeOffset.UtcNow.AddDays(-3):yyyy-MM-ddTHH:mm:ssZ}@")).Count);
    }

    [Fact]
    public async Task REST_paging_follows_next_links_when_X3_caps_the_page_at_20()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["PageSize"] = "50" });
        var pages = new List<X3ChangePage<MlConnector.Core.Documents.PurchaseOrder>>();
        await foreach (var page in connector.GetRequiredService<SageX3Reader>().ReadPurchaseOrdersAsync(null, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([20, 5], pages.Select(p => p.Items.Count).ToArray());
        Assert.Equal(25, pages.SelectMany(p => p.Items).Select(i => i.Key).Distinct().Count());
        var queries = _simulator.Journal.Entries.Where(e => e.Path.EndsWith("/PORDER", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        Assert.Contains("key=gt.POSEED0020", queries[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task REST_query_without_count_returns_the_default_20_rows()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var rest = connector.GetRequiredService<SageX3RestClient>();

        await using var pages = rest.QueryAsync("PORDER", "PORDER", null, null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());

        Assert.Equal(20, pages.Current.Resources.Count);
        Assert.NotNull(pages.Current.Next);
    }

    [Fact]
    public async Task GraphQL_paging_follows_relay_cursors()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, overrides: new Dictionary<string, string?> { ["PageSize"] = "10" });
        var sizes = new List<int>();
        await foreach (var page in connector.GetRequiredService<SageX3Reader>().ReadPurchaseOrdersAsync(null, CancellationToken.None))
        {
            sizes.Add(page.Items.Count);
        }

        Assert.Equal([10, 10, 5], sizes.ToArray());
    }
}
