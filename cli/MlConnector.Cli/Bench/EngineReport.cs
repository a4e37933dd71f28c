using MlConnector.Pipeline.Hosting;
using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints one engine run: what was measured, beside its target with PASS or MISS.</summary>
public static class EngineReport
{
    /// <param name="throughputTarget">Records/s the issue asks of this sink.</param>
    /// <param name="judgeCeilingShare">Only a run that storage alone limits is judged on its share of the ceiling; a slow sink limits the other.</param>
    public static void Print(EngineResult result, StorageCeiling ceiling, double throughputTarget, bool judgeCeilingShare)
    {
        var settings = result.Settings;
        var share = result.StorageOperationsPerSecond / ceiling.OperationsPerSecond;
        var table = new Table()
            .Title($"Engine, {settings.Label}, {Count(settings.Records)} records")
            .AddColumns("Measure", "Measured", "Target", "Verdict");
        table.AddRow("Queue rules", Rules(settings.QueueRules) + (settings.MaxConcurrentWrites > 0 ? $", sink calls <= {settings.MaxConcurrentWrites}" : string.Empty), "-", "-");
        table.AddRow("Written / not written", $"{Count(result.Written)} / {Count(result.NotWritten)}", Count(settings.Records), BenchTargets.AtLeast(result.Written, settings.Records));
        table.AddRow("Intake (poll) duration", Seconds(result.IntakeDuration), "-", "-");
        table.AddRow("Poll start to last Written", Seconds(result.Elapsed), "-", "-");
        table.AddRow("Records/s end-to-end", Rate(result.RecordsPerSecond), ">= " + Rate(throughputTarget), BenchTargets.AtLeast(result.RecordsPerSecond, throughputTarget));
        table.AddRow("Storage operations", Count(result.StorageOperations), "-", "-");
        table.AddRow("Storage ops per record", Ratio(result.StorageOperationsPerRecord), "<= " + Ratio(BenchTargets.StorageOperationsPerRecord), BenchTargets.AtMost(result.StorageOperationsPerRecord, BenchTargets.StorageOperationsPerRecord));
        table.AddRow("Storage ops/s used", Rate(result.StorageOperationsPerSecond), "-", "-");
        table.AddRow(
            "  share of the raw ceiling",
            Percent(share),
            judgeCeilingShare ? ">= " + Percent(BenchTargets.CeilingShare) : "n/a",
            judgeCeilingShare ? BenchTargets.AtLeast(share, BenchTargets.CeilingShare) : "-");
        table.AddRow("  records/s the ceiling allows", Rate(ceiling.OperationsPerSecond / result.StorageOperationsPerRecord), "-", "-");
        table.AddRow("Latency intake-to-write p50", Milliseconds(result.LatencyP50), "-", "-");
        table.AddRow("Latency intake-to-write p95", Milliseconds(result.LatencyP95), "-", "-");
        table.AddRow("Sink calls in flight peak/mean", $"{result.PeakSinkCallsInFlight} / {Ratio(result.MeanSinkCallsInFlight)}", "-", "-");
        table.AddRow("CPU busy: this process / Azurite", $"{Percent(result.OwnCpu / result.Elapsed)} / {Percent(result.StorageCpu / result.Elapsed)} of one core", "-", "-");
        table.AddRow("Peak working set", Megabytes(result.PeakWorkingSetBytes), $"< {BenchTargets.PeakWorkingSetMegabytes:0} MB", BenchTargets.Below(Mb(result.PeakWorkingSetBytes), BenchTargets.PeakWorkingSetMegabytes));
        AnsiConsole.Write(table);
    }

    public static string Rules(QueueRules rules) => $"batch {rules.BatchSize} + threshold {rules.NewBatchThreshold}";
}
