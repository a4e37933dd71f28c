using Azure.Storage.Queues;

namespace MlConnector.Pipeline.Messages;

public static class QueueSending
{
    /// <summary>Never expires: the queue default of seven days would silently drop a message an operator has not replayed yet.</summary>
    public static readonly TimeSpan NoExpiry = TimeSpan.FromSeconds(-1);

    public static Task SendEnvelopeAsync(this QueueClient queue, BinaryData body, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(body, visibilityTimeout: null, timeToLive: NoExpiry, cancellationToken: cancellationToken);
}
