using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Hosting;

/// <summary>
/// Creates the pipeline's queues, tables and container when they are missing, in the background once the host has
/// started (the Functions host's triggers start on their own and must not wait for storage). Idempotent and cheap:
/// eight create-if-missing calls, each allowed by the app identity's data roles. Until it succeeds it logs why and
/// tries again, so a storage account that is unreachable at start is provisioned once it answers.
/// </summary>
public sealed class StorageProvisioner(PipelineStorage storage, RecordPartitionMigration layout, FlowCatalog catalog, TimeProvider time, ILogger<StorageProvisioner> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await storage.EnsureCreatedAsync(stoppingToken);
                logger.LogInformation(
                    "Pipeline storage ready: queues {MapQueue}, {WriteQueue} and their poison queues, tables {Cursors}, {Records}, {Mappings}, container {Payloads}.",
                    storage.Names.MapQueue, storage.Names.WriteQueue, storage.Names.CursorsTable, storage.Names.RecordsTable, storage.Names.MappingsTable, storage.Names.PayloadContainer);

                // The app's own instances are already running triggers: moving rows under them could admit a record twice.
                if (!await layout.EnsureCurrentAsync(catalog.All.Select(flow => flow.Name), move: false, stoppingToken))
                {
                    logger.LogError("The records table {Records} holds rows in the partition layout of an earlier version: records already written would be written again. Stop the app and run `mlc records migrate` against this storage account (docs/operations.md).", storage.Names.RecordsTable);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var delay = RetryDelays[Math.Min(attempt, RetryDelays.Length - 1)];
                logger.LogError(ex, "Could not create the pipeline's queues, tables and container (attempt {Attempt}): {Reason}. Triggers that need them fail until they exist; trying again in {Delay}.",
                    attempt + 1, ex.Message, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
