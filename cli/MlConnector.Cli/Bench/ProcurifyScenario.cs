using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Secrets;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Queues;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Cli.Bench;

/// <summary>
/// The real procurify-x3 flow through the real engine: the sandbox's Procurify and Sage X3 simulators, the CLI's
/// composition root (same connectors, same host.json queue rules as the runtime), every purchase order mappable.
/// External calls are counted from the simulators' request journals, which see every request the connectors send.
/// </summary>
public sealed class ProcurifyScenario(string storageConnectionString, int purchaseOrders)
{
    public async Task<ProcurifyResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync(cancellationToken: cancellationToken);
        var secrets = Directory.CreateTempSubdirectory("mlc-bench-secrets-");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(sandbox.Settings(storageConnectionString, "benchp" + Guid.NewGuid().ToString("N")[..8], secrets.FullName))

                // As in the engine runs: the intake waits while the stages' queues are deep, because Azurite (unlike
                // Azure Storage) slows down as they grow, and the bulk reads would otherwise run far ahead of the writes.
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:IntakeMaxBacklog"] = "400" })
                .Build();
            await using var services = await CliHost.BuildAsync(configuration, cancellationToken);
            await sandbox.StoreSecretsAsync(services.GetRequiredService<ISecretStore>(), cancellationToken);
            await sandbox.SeedProcurifyAsync(
                new SeedRequest { PurchaseOrders = purchaseOrders, LinesPerOrder = 3, UnmappableShare = 0 },
                services.GetRequiredService<TableMappingTables>(),
                cancellationToken);
            sandbox.Procurify.Journal.Clear();
            sandbox.X3.Journal.Clear();

            var counter = services.GetRequiredService<StorageOperationCounter>();
            var workers = services.GetRequiredService<PipelineWorkers>();
            var clock = new Stopwatch();
            using var outcomes = new OutcomeWatcher(services.GetRequiredService<IMeterFactory>(), purchaseOrders, clock);
            using var stopWorkers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var operationsBefore = counter.Count;
            var running = workers.RunAsync(stopWorkers.Token);
            clock.Start();

            var poll = await services.GetRequiredService<FlowPoller>().RunAsync(ProcurifyX3Flow.Name, PollOptions.Scheduled, progress: null, cancellationToken);
            var intakeDuration = clock.Elapsed;
            await RunGuard.WaitAsync(outcomes.AllDone, purchaseOrders, running, cancellationToken);
            var elapsed = outcomes.LastOutcomeAt;
            var operations = counter.Count - operationsBefore;
            await stopWorkers.CancelAsync();
            await running;

            var calls = ExternalCallBreakdown.Group("Procurify", sandbox.Procurify.Journal.Entries)
                .Concat(ExternalCallBreakdown.Group("Sage X3", sandbox.X3.Journal.Entries))
                .OrderByDescending(group => group.Count)
                .ToList();
            return new ProcurifyResult(purchaseOrders, poll.Enqueued, outcomes.Written, outcomes.Rejected + outcomes.Poisoned, intakeDuration, elapsed, operations, calls);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }
}
