namespace MlConnector.Cli.Bench;

/// <summary>
/// Samples this process's working set every 100 ms while a scenario runs. The process-wide peak only ever
/// grows, so a per-scenario peak needs its own samples to show whether memory stays flat as runs get larger.
/// </summary>
public sealed class WorkingSetSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;

    private WorkingSetSampler()
    {
        _peakBytes = Environment.WorkingSet;
        _sampling = SampleAsync(_stop.Token);
    }

    public long PeakBytes => Math.Max(Interlocked.Read(ref _peakBytes), Environment.WorkingSet);

    /// <summary>Starts sampling after a full collection, so garbage left by an earlier scenario does not count against this one.</summary>
    public static WorkingSetSampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new WorkingSetSampler();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var current = Environment.WorkingSet;
                if (current > Interlocked.Read(ref _peakBytes))
                {
                    Interlocked.Exchange(ref _peakBytes, current);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }
}
