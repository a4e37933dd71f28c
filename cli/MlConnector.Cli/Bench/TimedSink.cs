using System.Diagnostics;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Cli.Bench;

/// <summary>
/// A target that answers after <paramref name="callDuration"/> (zero: at once). It records each record's
/// intake-to-write latency and how many calls overlap, so the report can show the write concurrency reached.
/// </summary>
public sealed class TimedSink(TimeSpan callDuration, TimeProvider time) : ITargetSink
{
    private readonly LatencySamples _latencies = new();
    private int _inFlight;
    private int _peakInFlight;
    private long _busyTicks;

    public LatencySamples Latencies => _latencies;

    /// <summary>The most sink calls that were running at the same moment.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Total time spent inside sink calls; divided by the run's duration it gives the mean calls in flight.</summary>
    public TimeSpan BusyTime => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var inFlight = Interlocked.Increment(ref _inFlight);
        RaisePeak(inFlight);
        try
        {
            if (callDuration > TimeSpan.Zero)
            {
                await Task.Delay(callDuration, time, cancellationToken);
            }

            var document = CanonicalJson.FromElement<SyntheticDocument>(request.Document.Body);
            _latencies.Add(time.GetUtcNow() - document.CreatedAt);
            return new WriteResult($"T-{request.SourceKey}", request.ExistingTargetId is null ? WriteAction.Created : WriteAction.Updated);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Add(ref _busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private void RaisePeak(int inFlight)
    {
        var peak = Volatile.Read(ref _peakInFlight);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}
