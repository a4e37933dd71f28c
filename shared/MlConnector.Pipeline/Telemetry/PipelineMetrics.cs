using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MlConnector.Pipeline.Telemetry;

/// <summary>
/// Per-flow metrics on the <c>MlConnector</c> meter, exported to Application Insights by the Functions app:
/// records written / rejected / failed / poisoned, sync duration, poison depth and lag behind the source.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "MlConnector";

    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Meter _meter;
    private readonly Counter<long> _written;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _poisoned;
    private readonly Counter<long> _deferred;
    private readonly Histogram<double> _syncDuration;
    private readonly ConcurrentDictionary<string, double> _lagSeconds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _poisonDepth = new(StringComparer.Ordinal);

    public PipelineMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _written = _meter.CreateCounter<long>("mlc.records.written", description: "Records written to their target.");
        _rejected = _meter.CreateCounter<long>("mlc.records.rejected", description: "Records the map stage rejected with a reason.");
        _failed = _meter.CreateCounter<long>("mlc.records.failed", description: "Write or map attempts that failed.");
        _poisoned = _meter.CreateCounter<long>("mlc.records.poisoned", description: "Messages moved to a poison queue.");
        _deferred = _meter.CreateCounter<long>("mlc.records.deferred", description: "Messages put back on their queue because the target was busy (no attempt spent).");
        _syncDuration = _meter.CreateHistogram<double>("mlc.sync.duration", unit: "s", description: "Duration of one poll of a flow's source.");
        _meter.CreateObservableGauge("mlc.source.lag", () => _lagSeconds.Select(pair => new Measurement<double>(pair.Value, Flow(pair.Key))), unit: "s", description: "Age of the newest source change seen by the last poll.");
        _meter.CreateObservableGauge("mlc.poison.depth", () => _poisonDepth.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("queue", pair.Key))), description: "Messages waiting in a poison queue.");
    }

    public void Written(string flow) => _written.Add(1, Flow(flow));

    public void Rejected(string flow) => _rejected.Add(1, Flow(flow));

    /// <summary>A rejection with its reason group (<see cref="Records.RejectReason"/>): the alert on new reasons splits by it.</summary>
    public void Rejected(string flow, string reason) => _rejected.Add(1, Flow(flow), new KeyValuePair<string, object?>("reason", reason));

    public void Failed(string flow, string stage) => _failed.Add(1, Flow(flow), new KeyValuePair<string, object?>("stage", stage));

    public void Poisoned(string flow, string stage) => _poisoned.Add(1, Flow(flow), new KeyValuePair<string, object?>("stage", stage));

    public void Deferred(string flow, string stage) => _deferred.Add(1, Flow(flow), new KeyValuePair<string, object?>("stage", stage));

    public void SyncCompleted(string flow, TimeSpan duration, TimeSpan? lag)
    {
        _syncDuration.Record(duration.TotalSeconds, Flow(flow));
        if (lag is { } value)
        {
            _lagSeconds[flow] = Math.Max(0, value.TotalSeconds);
        }
    }

    public void PoisonDepth(string queue, long depth) => _poisonDepth[queue] = depth;

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Flow(string flow) => new("flow", flow);
}
