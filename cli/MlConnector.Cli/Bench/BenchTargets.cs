namespace MlConnector.Cli.Bench;

/// <summary>The throughput and cost targets from the performance issue; the report prints each beside its measurement.</summary>
public static class BenchTargets
{
    public const double InstantSinkRecordsPerSecond = 100;

    public const double SlowSinkRecordsPerSecond = 80;

    public const double StorageOperationsPerRecord = 8;

    public const double PeakWorkingSetMegabytes = 300;

    /// <summary>Share of the raw Azurite ceiling the pipeline should use when nothing else limits it.</summary>
    public const double CeilingShare = 0.60;

    public const double ExternalCallsPerRecord = 1.05;

    public static string AtLeast(double measured, double target) => Verdict(measured >= target);

    public static string AtMost(double measured, double target) => Verdict(measured <= target);

    public static string Below(double measured, double target) => Verdict(measured < target);

    private static string Verdict(bool met) => met ? "[green]PASS[/]" : "[red]MISS[/]";
}
