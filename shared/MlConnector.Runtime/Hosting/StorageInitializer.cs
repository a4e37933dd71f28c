using Microsoft.Extensions.Hosting;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Runtime.Hosting;

/// <summary>Creates the queues, tables and container before any worker or timer starts.</summary>
public sealed class StorageInitializer(PipelineStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
