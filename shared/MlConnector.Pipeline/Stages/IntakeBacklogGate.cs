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

        // Both stages' queues: a slow target backs records up in "write", and that is where the wait belongs.
        while (await PipelineBacklog.QueuedMessagesAsync(storage, cancellationToken) > limit)
        {
            await Task.Delay(CheckInterval, cancellationToken);
        }
    }
}
