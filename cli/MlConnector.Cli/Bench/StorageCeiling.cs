namespace MlConnector.Cli.Bench;

/// <summary>Operations per second with <see cref="Callers"/> concurrent callers.</summary>
public sealed record CeilingSample(int Callers, double QueueSendsPerSecond, double TableUpsertsPerSecond);

public sealed record StorageCeiling(IReadOnlyList<CeilingSample> Samples)
{
    public double QueueSendsPerSecond => Samples.Max(sample => sample.QueueSendsPerSecond);

    public double TableUpsertsPerSecond => Samples.Max(sample => sample.TableUpsertsPerSecond);

    /// <summary>The mean of the best two rates: the pipeline's mix is about half queue and half table operations.</summary>
    public double OperationsPerSecond => (QueueSendsPerSecond + TableUpsertsPerSecond) / 2;
}
