using System.Diagnostics;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>"The system is quiet": nothing queued (hidden messages included), no webhook batch waiting, no record between stages.</summary>
internal static class Quiet
{
    public static async Task<bool> IsQuietAsync(ReliabilityWorld world, IEnumerable<string> flows)
    {
        if (await PipelineBacklog.QueuedMessagesAsync(world.Storage, CancellationToken.None) > 0)
        {
            return false;
        }

        if (!await world.Inbox.IsEmptyAsync(CancellationToken.None))
        {
            return false;
        }

        foreach (var flow in flows)
        {
            var counts = await world.CountAsync(flow);
            if (counts[RecordStatus.Received] + counts[RecordStatus.Mapped] > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Waits until <paramref name="done"/> holds at three checks in a row (two seconds apart); false at the deadline.</summary>
    public static async Task<bool> WaitAsync(ReliabilityWorld world, IEnumerable<string> flows, TimeSpan deadline, Func<Task<bool>>? done = null)
    {
        var names = flows.ToList();
        var waited = Stopwatch.StartNew();
        var quietChecks = 0;
        while (waited.Elapsed < deadline)
        {
            bool quiet;
            try
            {
                quiet = await IsQuietAsync(world, names) && (done is null || await done());
            }
            catch (Azure.RequestFailedException)
            {
                quiet = false; // storage restarting
            }

            quietChecks = quiet ? quietChecks + 1 : 0;
            if (quietChecks >= 3)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return false;
    }
}
