using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Writes one mapped document to its target; after host.json maxDequeueCount failures the host moves it to write-poison.</summary>
public sealed class WriteQueueFunction(WriteStage stage)
{
    [Function("WriteQueue")]
    public Task RunAsync([QueueTrigger("write")] QueueMessage message, CancellationToken cancellationToken) =>
        stage.HandleAsync(message.Body, message.DequeueCount, cancellationToken);
}
