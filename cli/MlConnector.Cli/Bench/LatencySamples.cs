using System.Collections.Concurrent;

namespace MlConnector.Cli.Bench;

/// <summary>Latencies collected from concurrent callers; percentiles by nearest rank over all samples.</summary>
public sealed class LatencySamples
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);

    /// <param name="percentile">0 to 100.</param>
    public TimeSpan Percentile(double percentile)
    {
        var sorted = _milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return TimeSpan.FromMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }
}
