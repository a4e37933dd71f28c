using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Cli.Bench;

/// <summary>
/// Listens to the engine's own counters (written, rejected, poisoned) of one service provider and completes once
/// every expected record has an outcome. Written is counted after the record row says Written, which is the
/// moment "end-to-end" ends; the stopwatch reading of the last outcome is kept.
/// </summary>
public sealed class OutcomeWatcher : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock;
    private readonly int _expected;
    private long _written;
    private long _rejected;
    private long _poisoned;
    private long _lastOutcomeTicks;

    /// <param name="meters">The provider's meter factory: only its meters are counted, never another provider's.</param>
    public OutcomeWatcher(IMeterFactory meters, int expected, Stopwatch clock)
    {
        _expected = expected;
        _clock = clock;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters) && IsOutcome(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Count(instrument.Name, value));
        _listener.Start();
    }

    public long Written => Interlocked.Read(ref _written);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Poisoned => Interlocked.Read(ref _poisoned);

    /// <summary>Stopwatch reading when the last record got its outcome.</summary>
    public TimeSpan LastOutcomeAt => TimeSpan.FromTicks(Interlocked.Read(ref _lastOutcomeTicks));

    public Task AllDone => _allDone.Task;

    public void Dispose() => _listener.Dispose();

    private static bool IsOutcome(string name) => name is "mlc.records.written" or "mlc.records.rejected" or "mlc.records.poisoned";

    private void Count(string instrument, long value)
    {
        _ = instrument switch
        {
            "mlc.records.written" => Interlocked.Add(ref _written, value),
            "mlc.records.rejected" => Interlocked.Add(ref _rejected, value),
            _ => Interlocked.Add(ref _poisoned, value),
        };
        Interlocked.Exchange(ref _lastOutcomeTicks, _clock.Elapsed.Ticks);
        if (Written + Rejected + Poisoned >= _expected)
        {
            _allDone.TrySetResult();
        }
    }
}
