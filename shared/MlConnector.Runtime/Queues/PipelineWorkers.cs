using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Runtime.Queues;

/// <summary>The two stage workers (map, write) bound to their queues, as the Functions queue triggers are.</summary>
public sealed class PipelineWorkers(PipelineStorage storage, MapStage map, WriteStage write, QueueRules rules, IOptions<LocalRuntimeOptions> options, ILoggerFactory loggers)
{
    public QueueWorker Map { get; } = new("map", storage.MapQueue, storage.MapPoisonQueue, map.HandleAsync, rules, options.Value, loggers.CreateLogger("MlConnector.Runtime.MapWorker"));

    public QueueWorker Write { get; } = new("write", storage.WriteQueue, storage.WritePoisonQueue, write.HandleAsync, rules, options.Value, loggers.CreateLogger("MlConnector.Runtime.WriteWorker"));

    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(Map.RunAsync(stopping), Write.RunAsync(stopping));

    /// <summary>Runs both stages until both queues stay empty: a `sync` or a test waits for its records to land.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunAsync(stop.Token);
        var quietChecks = 0;
        while (quietChecks < 3)
        {
            await Task.Delay(200, cancellationToken);
            var busy = Map.InFlight + Write.InFlight > 0 || await HasMessagesAsync(Map) || await HasMessagesAsync(Write);
            quietChecks = busy ? 0 : quietChecks + 1;
        }

        await stop.CancelAsync();
        await running;

        async Task<bool> HasMessagesAsync(QueueWorker worker) =>
            (await worker.Queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0;
    }
}
