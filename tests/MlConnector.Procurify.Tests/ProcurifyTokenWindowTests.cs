using Microsoft.Extensions.Time.Testing;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>The shared token provider on Procurify's 24-hour tokens, counted at the simulator's token endpoint.</summary>
public sealed class ProcurifyTokenWindowTests
{
    private static readonly TimeSpan StillFresh = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(49);

    [Fact]
    public async Task Each_24_hour_token_costs_one_token_request_however_many_callers_share_it_and_is_replaced_before_it_expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 6, 8, 0, 0, TimeSpan.Zero));
        await using var harness = await ProcurifyHarness.StartAsync(time: time);
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 4, LinesPerOrder = 1, UnmappableShare = 0 });
        var requestsAfterEachWindow = new List<int>();

        for (var window = 0; window < 3; window++)
        {
            await ReadConcurrentlyAsync(harness, callers: 20);
            time.Advance(StillFresh); // 11 minutes left: more than the 10-minute refresh margin
            await ReadConcurrentlyAsync(harness, callers: 20);
            requestsAfterEachWindow.Add(harness.Simulator.TokenRequestCount);
            time.Advance(TimeSpan.FromMinutes(2)); // 9 minutes left: the next read replaces the token
        }

        Assert.Equal([1, 2, 3], requestsAfterEachWindow);
        var apiCalls = harness.Simulator.Journal.Entries.Where(entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 2 * 20, apiCalls.Count);
        Assert.All(apiCalls, call => Assert.Equal(200, call.Status)); // never sent an expired token
    }

    private static Task ReadConcurrentlyAsync(ProcurifyHarness harness, int callers) =>
        Task.WhenAll(Enumerable.Range(0, callers).Select(caller =>
            Task.Run(() => harness.Client.GetPurchaseOrderAsync((1001 + (caller % 4)).ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))));
}
