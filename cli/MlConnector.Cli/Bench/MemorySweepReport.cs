using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the instant-sink runs by size: the peak working set should stay flat as the record count grows.</summary>
public static class MemorySweepReport
{
    public static void Print(IReadOnlyList<EngineResult> runs)
    {
        var table = new Table()
            .Title("Memory sweep, instant sink: peak working set by run size")
            .AddColumns("Records", "Records/s", "Storage ops/record", "Peak working set", "Target", "Verdict");
        foreach (var run in runs.OrderBy(run => run.Settings.Records))
        {
            table.AddRow(
                Count(run.Settings.Records),
                Rate(run.RecordsPerSecond),
                Ratio(run.StorageOperationsPerRecord),
                Megabytes(run.PeakWorkingSetBytes),
                $"< {BenchTargets.PeakWorkingSetMegabytes:0} MB",
                BenchTargets.Below(Mb(run.PeakWorkingSetBytes), BenchTargets.PeakWorkingSetMegabytes));
        }

        AnsiConsole.Write(table);
        var smallest = runs.MinBy(run => run.Settings.Records)!;
        var largest = runs.MaxBy(run => run.Settings.Records)!;
        AnsiConsole.MarkupLineInterpolated(
            $"Peak working set moved {Mb(largest.PeakWorkingSetBytes) - Mb(smallest.PeakWorkingSetBytes):+0;-0;0} MB from {Count(smallest.Settings.Records)} to {Count(largest.Settings.Records)} records.");
    }
}
