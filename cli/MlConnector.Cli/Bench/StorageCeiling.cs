namespace MlConnector.Cli.Bench;

/// <summary>Operations per second with <see cref="Callers"/> concurrent callers.</summary>
public sealed record CeilingSample(int Callers, double QueueOperationsPerSecond, double TableUpsertsPerSecond);

public sealed record StorageCeiling(IReadOnlyList<CeilingSample> Samples)
{
    public double QueueOperationsPerSecond => Samples.Max(sample => sample.QueueOperationsPerSecond);

    public double TableUpsertsPerSecond => Samples.Max(sample => sample.TableUpsertsPerSecond);

    /// <summary>The mean of the best two rates: the pipeline's mix is about half queue and half table operations.</summary>
    public double OperationsPerSecond => (QueueOperationsPerSecond + TableUpsertsPerSecond) / 2;
}

/// <summary>
/// The ceiling measured just before and just after one scenario on its Azurite. The machine is shared, so the two can
/// differ; a scenario's share is judged against their mean, and <see cref="Drift"/> says how far apart they were.
/// </summary>
public sealed record CeilingBracket(StorageCeiling Before, StorageCeiling After)
{
    public double OperationsPerSecond => (Before.OperationsPerSecond + After.OperationsPerSecond) / 2;

    /// <summary>|before - after| / mean: above about 25% the machine's load changed during the scenario.</summary>
    public double Drift => Math.Abs(Before.OperationsPerSecond - After.OperationsPerSecond) / OperationsPerSecond;
}
