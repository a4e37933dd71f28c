namespace MlConnector.Cli.Bench;

/// <summary>The throughput and cost targets from the performance issues; the report prints each beside its measurement.</summary>
public static class BenchTargets
{
    public const double InstantSinkRecordsPerSecond = 100;

    /// <summary>90% of the 160 records/s that 16 concurrent calls of 100 ms allow.</summary>
    public const double SlowSinkRecordsPerSecond = 140;

    public const double StorageOperationsPerRecord = 6;

    public const double PeakWorkingSetMegabytes = 300;

    /// <summary>Share of the raw Azurite ceiling the pipeline should use when nothing else limits it.</summary>
    public const double CeilingShare = 0.80;

    /// <summary>A larger run's records/s relative to the smallest run's: the tables' size must not slow the engine down.</summary>
    public const double ScaleRatio = 0.90;

    public const double ExternalCallsPerRecord = 1.05;

    public static string AtLeast(double measured, double target) => Verdict(measured >= target);

    public static string AtMost(double measured, double target) => Verdict(measured <= target);

    public static string Below(double measured, double target) => Verdict(measured < target);

    private static string Verdict(bool met) => met ? "[green]PASS[/]" : "[red]MISS[/]";
}
