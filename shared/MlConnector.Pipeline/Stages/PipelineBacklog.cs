using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Whether anything is still on its way through the pipeline: webhook batches in the inbox, or messages in the
/// map or write queue (in flight ones included). The demo, the benchmark and tests wait on it for records to land.
/// </summary>
public sealed class PipelineBacklog(PipelineStorage storage, WebhookInbox inbox)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var queued = QueuedMessagesAsync(storage, cancellationToken);
        return await inbox.IsEmptyAsync(cancellationToken) && await queued == 0;
    }

    /// <summary>Messages in the map and write queues together, in flight ones included.</summary>
    public static async Task<long> QueuedMessagesAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        var map = storage.MapQueue.GetPropertiesAsync(cancellationToken);
        var write = storage.WriteQueue.GetPropertiesAsync(cancellationToken);
        return (await map).Value.ApproximateMessagesCount + (await write).Value.ApproximateMessagesCount;
    }

    /// <summary>Returns once the backlog has been empty at four checks in a row (a second), so a record between stages is not missed.</summary>
    public async Task WaitUntilEmptyAsync(CancellationToken cancellationToken)
    {
        var quiet = 0;
        while (quiet < 4)
        {
            await Task.Delay(CheckInterval, cancellationToken);
            quiet = await IsEmptyAsync(cancellationToken) ? quiet + 1 : 0;
        }
    }
}
