using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Moves a message to its poison queue at once, for failures that retrying cannot fix (a target's validation
/// error, a message that is not an envelope). Transient failures reach poison the host's way, after maxDequeueCount.
/// </summary>
public sealed class PoisonQueueWriter(PipelineStorage storage)
{
    public Task SendAsync(PipelineQueue queue, BinaryData originalBody, CancellationToken cancellationToken) =>
        storage.PoisonQueueFor(queue).SendEnvelopeAsync(originalBody, cancellationToken);
}
