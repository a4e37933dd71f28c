namespace MlConnector.Cli.Bench;

/// <summary>One engine run: outcomes, timings, storage operations (by kind), latency, sink concurrency and memory.</summary>
public sealed record EngineResult(
    EngineScenarioSettings Settings,
    int Enqueued,
    long Written,
    long NotWritten,
    TimeSpan IntakeDuration,
    TimeSpan Elapsed,
    long StorageOperations,
    IReadOnlyDictionary<string, long> OperationsByKind,
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

    /// <summary>Records/s the sink allows at most: its concurrency over its call time (null for an instant sink).</summary>
    public double? SinkCapacity => Settings.SinkCallDuration > TimeSpan.Zero && Settings.MaxConcurrentWrites > 0
        ? Settings.MaxConcurrentWrites / Settings.SinkCallDuration.TotalSeconds
        : null;
}
