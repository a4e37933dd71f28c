using Microsoft.Extensions.Hosting;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Runtime.Hosting;

/// <summary>
/// Creates the queues, tables and container before any worker or timer starts, and moves record rows an earlier
/// version stored in its partition layout into the current one (nothing else runs yet on this machine).
/// </summary>
public sealed class StorageInitializer(PipelineStorage storage, RecordPartitionMigration layout, FlowCatalog catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await layout.EnsureCurrentAsync(catalog.All.Select(flow => flow.Name), move: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
