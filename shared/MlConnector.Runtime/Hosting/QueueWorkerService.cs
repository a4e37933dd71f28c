using Microsoft.Extensions.Hosting;
using MlConnector.Runtime.Queues;

namespace MlConnector.Runtime.Hosting;

/// <summary>Runs the map and write workers for the life of the local runtime; on shutdown, in-flight messages finish first.</summary>
public sealed class QueueWorkerService(PipelineWorkers workers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => workers.RunAsync(stoppingToken);
}
