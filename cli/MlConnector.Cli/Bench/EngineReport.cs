using MlConnector.Pipeline.Hosting;
using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints one engine run: what was measured, beside its target with PASS or MISS and the same run's ceiling.</summary>
public static class EngineReport
{
    /// <param name="throughputTarget">Records/s the issue asks of this sink.</param>
    /// <param name="judgeCeilingShare">Only a run that storage alone limits is judged on its share of the ceiling; a slow sink limits the other.</param>
    public static void Print(EngineResult result, CeilingBracket ceiling, double throughputTarget, bool judgeCeilingShare, BenchFigures figures)
    {
        var settings = result.Settings;
        var scenario = $"{settings.Label}, {settings.Records} records";
        var share = result.StorageOperationsPerSecond / ceiling.OperationsPerSecond;
        var table = new Table()
            .Title($"Engine, {settings.Label}, {Count(settings.Records)} records")
            .AddColumns("Measure", "Measured", "Target", "Verdict");
        table.AddRow("Queue rules", Rules(settings.QueueRules) + (settings.MaxConcurrentWrites > 0 ? $", sink calls <= {settings.MaxConcurrentWrites}" : string.Empty), "-", "-");
        table.AddRow("Written / not written", $"{Count(result.Written)} / {Count(result.NotWritten)}", Count(settings.Records), BenchTargets.AtLeast(result.Written, settings.Records));
        table.AddRow("Intake (poll) duration", Seconds(result.IntakeDuration), "-", "-");
        table.AddRow("Poll start to last Written", Seconds(result.Elapsed), "-", "-");
        Judged(table, figures, scenario, "Records/s end-to-end", result.RecordsPerSecond, Rate, "records/s", ">= " + Rate(throughputTarget), result.RecordsPerSecond >= throughputTarget);
        table.AddRow("Storage operations", Count(result.StorageOperations), "-", "-");
        Judged(table, figures, scenario, "Storage ops per record", result.StorageOperationsPerRecord, Ratio, "operations", "<= " + Ratio(BenchTargets.StorageOperationsPerRecord), result.StorageOperationsPerRecord <= BenchTargets.StorageOperationsPerRecord);
        foreach (var (kind, count) in result.OperationsByKind.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value))
        {
            var perRecord = (double)count / settings.Records;
            table.AddRow($"  {kind}", Ratio(perRecord), "-", "-");
            figures.Add(scenario, "per record: " + kind, perRecord, "operations");
        }

        table.AddRow("Storage ops/s used", Rate(result.StorageOperationsPerSecond), "-", "-");
        figures.Add(scenario, "Storage ops/s used", result.StorageOperationsPerSecond, "operations/s");
        table.AddRow("Ceiling before / after (drift)", $"{Rate(ceiling.Before.OperationsPerSecond)} / {Rate(ceiling.After.OperationsPerSecond)} ({Percent(ceiling.Drift)})", "-", "-");
        figures.Add(scenario, "Ceiling before", ceiling.Before.OperationsPerSecond, "operations/s");
        figures.Add(scenario, "Ceiling after", ceiling.After.OperationsPerSecond, "operations/s");
        if (judgeCeilingShare)
        {
            Judged(table, figures, scenario, "  share of the ceiling (their mean)", share, Percent, "share", ">= " + Percent(BenchTargets.CeilingShare), share >= BenchTargets.CeilingShare);
        }
        else
        {
            table.AddRow("  share of the ceiling (their mean)", Percent(share), "-", "-");
            figures.Add(scenario, "Share of the storage ceiling", share, "share");
        }

        table.AddRow("  records/s the ceiling allows", Rate(ceiling.OperationsPerSecond / result.StorageOperationsPerRecord), "-", "-");
        if (result.SinkCapacity is { } capacity)
        {
            var sinkShare = result.RecordsPerSecond / capacity;
            table.AddRow("Share of the sink's capacity", $"{Percent(sinkShare)} of {Rate(capacity)}", "-", "-");
            figures.Add(scenario, "Share of the sink capacity", sinkShare, "share");
            table.AddRow("  what binds", sinkShare >= share ? "the sink" : "storage", "-", "-");
        }

        table.AddRow("Latency intake-to-write p50", Milliseconds(result.LatencyP50), "-", "-");
        table.AddRow("Latency intake-to-write p95", Milliseconds(result.LatencyP95), "-", "-");
        figures.Add(scenario, "Latency p50", result.LatencyP50.TotalMilliseconds, "ms");
        figures.Add(scenario, "Latency p95", result.LatencyP95.TotalMilliseconds, "ms");
        table.AddRow("Sink calls in flight peak/mean", $"{result.PeakSinkCallsInFlight} / {Ratio(result.MeanSinkCallsInFlight)}", "-", "-");
        table.AddRow("CPU busy: this process / Azurite", $"{Percent(result.OwnCpu / result.Elapsed)} / {Percent(result.StorageCpu / result.Elapsed)} of one core", "-", "-");
        Judged(table, figures, scenario, "Peak working set", Mb(result.PeakWorkingSetBytes), value => $"{value:0} MB", "MB", $"< {BenchTargets.PeakWorkingSetMegabytes:0} MB", Mb(result.PeakWorkingSetBytes) < BenchTargets.PeakWorkingSetMegabytes);
        AnsiConsole.Write(table);
    }

    public static string Rules(QueueRules rules) => $"batch {rules.BatchSize} + threshold {rules.NewBatchThreshold}";

    private static void Judged(Table table, BenchFigures figures, string scenario, string measure, double value, Func<double, string> format, string unit, string target, bool met)
    {
        table.AddRow(measure, format(value), target, met ? "[green]PASS[/]" : "[red]MISS[/]");
        figures.Add(scenario, measure.Trim(), value, unit, target, met);
    }
}
