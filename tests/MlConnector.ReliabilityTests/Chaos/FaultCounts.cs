using System.Collections.Concurrent;

namespace MlConnector.ReliabilityTests.Chaos;

/// <summary>How many faults of each kind the run injected.</summary>
internal sealed class FaultCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(string kind, int count) => _counts.AddOrUpdate(kind, count, (_, before) => before + count);
}

/// <summary>Webhook deliveries: acknowledged, and the refusals or silences they met on the way (each was retried).</summary>
internal sealed class DeliveryCounts
{
    private int _acknowledged;
    private int _unanswered;
    private readonly ConcurrentDictionary<int, int> _refused = new();

    public int AcknowledgedCount => _acknowledged;

    public int UnansweredCount => _unanswered;

    public IReadOnlyDictionary<int, int> RefusedByStatus => _refused;

    public void Acknowledged() => Interlocked.Increment(ref _acknowledged);

    public void Unanswered() => Interlocked.Increment(ref _unanswered);

    public void Refused(int status) => _refused.AddOrUpdate(status, 1, (_, before) => before + 1);
}
