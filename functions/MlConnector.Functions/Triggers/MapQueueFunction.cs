using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Maps one queued source record; after host.json maxDequeueCount failures the host moves it to map-poison.</summary>
public sealed class MapQueueFunction(MapStage stage)
{
    [Function("MapQueue")]
    public Task RunAsync([QueueTrigger("map")] QueueMessage message, CancellationToken cancellationToken) =>
        stage.HandleAsync(message.Body, message.DequeueCount, cancellationToken);
}
