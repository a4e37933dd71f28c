using Microsoft.Extensions.Options;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Tests.Pipeline.Stages;

public sealed class WriteConcurrencyGateTests
{
    [Fact]
    public async Task A_flow_never_has_more_target_calls_running_than_its_limit()
    {
        using var gate = Gate(maxConcurrentWrites: 3);

        var (peak, results) = await RunConcurrentlyAsync(gate, "procurify-x3", calls: 12);

        Assert.Equal(3, peak);
        Assert.Equal(Enumerable.Range(0, 12), results.Order());
    }

    [Fact]
    public async Task Each_flow_has_its_own_limit()
    {
        using var gate = Gate(maxConcurrentWrites: 2);

        var both = await Task.WhenAll(RunConcurrentlyAsync(gate, "procurify-x3", calls: 6), RunConcurrentlyAsync(gate, "adobe-commerce-x3", calls: 6));

        Assert.All(both, run => Assert.Equal(2, run.Peak));
    }

    [Fact]
    public async Task Without_a_limit_the_calls_run_as_they_come()
    {
        using var gate = Gate(maxConcurrentWrites: 0);

        var (peak, _) = await RunConcurrentlyAsync(gate, "procurify-x3", calls: 8);

        Assert.Equal(8, peak);
    }

    private static WriteConcurrencyGate Gate(int maxConcurrentWrites) =>
        new(Options.Create(new PipelineOptions { MaxConcurrentWrites = maxConcurrentWrites }));

    /// <summary>Starts every call at once; each holds its slot until all that can run together have started.</summary>
    private static async Task<(int Peak, int[] Results)> RunConcurrentlyAsync(WriteConcurrencyGate gate, string flow, int calls)
    {
        var running = 0;
        var peak = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => gate.RunAsync(
            flow,
            async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(50);
                Interlocked.Decrement(ref running);
                return i;
            },
            CancellationToken.None)));
        return (peak, results);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
