using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Queues;

namespace MlConnector.Cli.Bench;

/// <summary>
/// The engine on its own: the synthetic source, the real intake (FlowPoller, RecordAdmission), the local runtime's
/// queue workers running the real map and write stages, on Azurite, into a <see cref="TimedSink"/>. The workers
/// run while the poll enqueues, as they do in the runtime, and the clock stops when the last record is Written.
/// </summary>
public sealed class EngineScenario(string storageConnectionString, Func<TimeSpan> storageCpuTime, EngineScenarioSettings settings)
{
    private const string FlowName = "bench-engine";

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken)
    {
        var sink = new TimedSink(settings.SinkCallDuration, TimeProvider.System);
        await using var services = BuildServices(sink);
        await services.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(cancellationToken);
        var counter = services.GetRequiredService<StorageOperationCounter>();
        var poller = services.GetRequiredService<FlowPoller>();
        var workers = services.GetRequiredService<PipelineWorkers>();

        await using var memory = WorkingSetSampler.Start();
        var clock = new Stopwatch();
        using var outcomes = new OutcomeWatcher(services.GetRequiredService<IMeterFactory>(), settings.Records, clock);
        using var stopWorkers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var operationsBefore = counter.Count;
        var kindsBefore = counter.ByKind;
        var ownCpuBefore = Environment.CpuUsage.TotalTime;
        var storageCpuBefore = storageCpuTime();
        var running = workers.RunAsync(stopWorkers.Token);
        clock.Start();

        var poll = await poller.RunAsync(FlowName, PollOptions.Scheduled, progress: null, cancellationToken);
        var intakeDuration = clock.Elapsed;
        await RunGuard.WaitAsync(outcomes.AllDone, settings.Records, running, cancellationToken);
        var elapsed = outcomes.LastOutcomeAt;
        var operations = counter.Count - operationsBefore;
        var byKind = counter.ByKind.ToDictionary(pair => pair.Key, pair => pair.Value - kindsBefore.GetValueOrDefault(pair.Key), StringComparer.Ordinal);
        var ownCpu = Environment.CpuUsage.TotalTime - ownCpuBefore;
        var storageCpu = storageCpuTime() - storageCpuBefore;

        await stopWorkers.CancelAsync();
        await running;
        return new EngineResult(
            settings,
            poll.Enqueued,
            outcomes.Written,
            outcomes.Rejected + outcomes.Poisoned,
            intakeDuration,
            elapsed,
            operations,
            byKind,
            sink.Latencies.Percentile(50),
            sink.Latencies.Percentile(95),
            sink.PeakInFlight,
            sink.BusyTime / elapsed,
            memory.PeakBytes,
            ownCpu,
            storageCpu);
    }

    private ServiceProvider BuildServices(TimedSink sink)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Pipeline:NamePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            // Azurite's queue operations scan every message in the account, so a shallow backlog keeps each one cheap;
            // 100 still leaves both stages a full batch and more to work on.
            ["Pipeline:IntakeMaxBacklog"] = "100",
            ["Pipeline:MaxConcurrentWrites"] = settings.MaxConcurrentWrites.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(settings.QueueRules);
        services.AddPipeline(configuration);
        services.AddSingleton<PipelineWorkers>();
        services.AddFlow(new FlowDefinition
        {
            Name = FlowName,
            Description = "Synthetic records for the benchmark",
            SourceSystem = "Synthetic source",
            TargetSystem = "Timed sink",
            Source = _ => new SyntheticSource(settings.Records, TimeProvider.System),
            Mapper = _ => new SyntheticMapper(),
            Sink = _ => sink,
        });
        return services.BuildServiceProvider();
    }
}
