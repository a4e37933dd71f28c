using MlConnector.ReliabilityTests.Chaos;
using MlConnector.ReliabilityTests.Support;
using Xunit.Abstractions;

namespace MlConnector.ReliabilityTests;

/// <summary>
/// The fault matrix (<see cref="FaultMatrix"/>): about a thousand records on every build, nothing lost, nothing written
/// twice, nothing stuck, and no configured secret in any runtime's log. scripts/chaos.sh runs the long variant.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_records_through_every_fault_end_with_nothing_lost_duplicated_or_stuck()
    {
        await RunAsync(FaultMatrixOptions.Ci);
    }

    /// <summary>Runs only when MLC_CHAOS_RECORDS is set (scripts/chaos.sh --records 10000).</summary>
    [Fact]
    public async Task The_long_variant_ends_with_nothing_lost_duplicated_or_stuck()
    {
        if (FaultMatrixOptions.Long() is not { } options)
        {
            return;
        }

        await RunAsync(options);
    }

    private async Task RunAsync(FaultMatrixOptions options)
    {
        await using var world = await ReliabilityWorld.StartAsync(FaultMatrix.Schedules(), FaultMatrix.Settings());
        var figures = await new FaultMatrix(world, options, line => output.WriteLine(line)).RunAsync();
        var scan = await SecretScan.RunAsync(world);
        Figures.Record(figures.Headline(), figures.Details(), scan.Headline());
        output.WriteLine(figures.Headline());
        output.WriteLine(figures.Details());
        output.WriteLine(scan.Headline());

        Assert.True(figures.Quiet, figures.Headline());
        Assert.Equal(0, figures.Ledger.Lost);
        Assert.Equal(0, figures.Ledger.Duplicated);
        Assert.Equal(0, figures.Ledger.Stuck);
        Assert.Equal(0, figures.Ledger.Stale);
        Assert.Empty(scan.Hits);

        // Every delivery is genuine: refused as unauthenticated never, answered 500 never (503 "retry" while storage is down is fine).
        Assert.DoesNotContain(401, figures.Deliveries.RefusedByStatus.Keys);
        Assert.DoesNotContain(500, figures.Deliveries.RefusedByStatus.Keys);
    }
}
