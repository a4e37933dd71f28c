namespace MlConnector.Cli.Bench;

/// <summary>One engine run: outcomes, timings, storage operations, latency, sink concurrency and memory.</summary>
public sealed record EngineResult(
    EngineScenarioSettings Settings,
    int Enqueued,
    long Written,
    long NotWritten,
    TimeSpan IntakeDuration,
    TimeSpan Elapsed,
    long StorageOperations,
    TimeSpan LatencyP50,
    TimeSpan LatencyP95,
    int PeakSinkCallsInFlight,
    double MeanSinkCallsInFlight,
    long PeakWorkingSetBytes,
    TimeSpan OwnCpu,
    TimeSpan StorageCpu)
{
    public double RecordsPerSecond => Written / Elapsed.TotalSeconds;

    public double StorageOperationsPerRecord => (double)StorageOperations / Settings.Records;

    public double StorageOperationsPerSecond => StorageOperations / Elapsed.TotalSeconds;
}
