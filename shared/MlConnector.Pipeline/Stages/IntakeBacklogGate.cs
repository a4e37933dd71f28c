using Microsoft.Extensions.Options;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Stages;

/// <summary>Holds an intake back while the map and write queues together hold more than <see cref="PipelineOptions.IntakeMaxBacklog"/>.</summary>
public sealed class IntakeBacklogGate(PipelineStorage storage, IOptions<PipelineOptions> options)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.IntakeMaxBacklog;
        if (limit <= 0)
        {
            return;
        }

        while (await BacklogAsync(cancellationToken) > limit)
        {
            await Task.Delay(CheckInterval, cancellationToken);
        }
    }

    /// <summary>Both stages' queues: a slow target backs records up in "write", and that is where the wait belongs.</summary>
    private async Task<long> BacklogAsync(CancellationToken cancellationToken)
    {
        var map = storage.MapQueue.GetPropertiesAsync(cancellationToken);
        var write = storage.WriteQueue.GetPropertiesAsync(cancellationToken);
        return (await map).Value.ApproximateMessagesCount + (await write).Value.ApproximateMessagesCount;
    }
}
