namespace MlConnector.Cli.Bench;

/// <summary>
/// Waits for a scenario's records to land, but not forever: a run that stops making progress, or whose workers
/// crash, is a broken run and ends the benchmark with an error instead of hanging it.
/// </summary>
public static class RunGuard
{
    /// <summary>Generous: the slowest target (80 records/s) is met many times over within it.</summary>
    private static TimeSpan Limit(int records) => TimeSpan.FromSeconds(120 + (records / 10.0));

    public static async Task WaitAsync(Task allDone, int records, Task workers, CancellationToken cancellationToken)
    {
        var limit = Limit(records);
        var finished = await Task.WhenAny(allDone, workers, Task.Delay(limit, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (finished == workers)
        {
            await workers;
            throw new InvalidOperationException("The queue workers stopped before every record was written.");
        }

        if (finished != allDone)
        {
            throw new InvalidOperationException($"Not every one of the {records} records was written within {limit.TotalSeconds:0} s; the run is stuck.");
        }
    }
}
