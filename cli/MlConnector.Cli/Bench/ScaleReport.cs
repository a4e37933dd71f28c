using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>
/// Prints the instant-sink runs by size: records/s must not fall as the tables grow (each larger run at 90% or more of
/// the smallest run's records/s) and the peak working set must stay flat.
/// </summary>
public static class ScaleReport
{
    public static void Print(IReadOnlyList<(EngineResult Run, CeilingBracket Ceiling)> runs, BenchFigures figures)
    {
        var ordered = runs.OrderBy(run => run.Run.Settings.Records).ToList();
        var (smallest, smallestCeiling) = ordered[0];
        var table = new Table()
            .Title("Scale, instant sink: records/s and peak working set by run size")
            .AddColumns("Records", "Records/s", "vs smallest", "Target", "Verdict", "vs smallest, per unit of ceiling", "Storage ops/record", "Peak working set", "Target", "Verdict");
        foreach (var (run, ceiling) in ordered)
        {
            var ratio = run.RecordsPerSecond / smallest.RecordsPerSecond;
            var normalized = (run.RecordsPerSecond / ceiling.OperationsPerSecond) / (smallest.RecordsPerSecond / smallestCeiling.OperationsPerSecond);
            var isSmallest = ReferenceEquals(run, smallest);
            var megabytes = Mb(run.PeakWorkingSetBytes);
            var scenario = $"scale, {run.Settings.Records} records";
            table.AddRow(
                Count(run.Settings.Records),
                Rate(run.RecordsPerSecond),
                Ratio(ratio),
                isSmallest ? "-" : ">= " + Ratio(BenchTargets.ScaleRatio),
                isSmallest ? "-" : BenchTargets.AtLeast(ratio, BenchTargets.ScaleRatio),
                Ratio(normalized),
                Ratio(run.StorageOperationsPerRecord),
                Megabytes(run.PeakWorkingSetBytes),
                $"< {BenchTargets.PeakWorkingSetMegabytes:0} MB",
                BenchTargets.Below(megabytes, BenchTargets.PeakWorkingSetMegabytes));
            if (!isSmallest)
            {
                figures.Add(scenario, "Records/s vs the smallest run", ratio, "ratio", ">= " + Ratio(BenchTargets.ScaleRatio), ratio >= BenchTargets.ScaleRatio);
                figures.Add(scenario, "Records/s vs the smallest run per unit of ceiling", normalized, "ratio");
            }
        }

        AnsiConsole.Write(table);
        var largest = ordered[^1].Run;
        AnsiConsole.MarkupLineInterpolated(
            $"Peak working set moved {Mb(largest.PeakWorkingSetBytes) - Mb(smallest.PeakWorkingSetBytes):+0;-0;0} MB from {Count(smallest.Settings.Records)} to {Count(largest.Settings.Records)} records. \"Per unit of ceiling\" divides each run's records/s by its own ceiling, taking out a change of the machine's load between runs.");
    }
}
