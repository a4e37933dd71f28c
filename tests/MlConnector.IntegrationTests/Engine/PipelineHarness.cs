using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Access;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Queues;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>The real engine on Azurite with one scripted flow, isolated from other tests by a name prefix.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public const string FlowName = "test-flow";

    /// <summary>A webhook-fed flow beside the polled one, writing to the same sink.</summary>
    public const string WebhookFlowName = "test-hooks";

    private readonly ServiceProvider _services;

    private PipelineHarness(ServiceProvider services, FakeTimeProvider time, ScriptedSource source, RecordingSink sink)
    {
        _services = services;
        Time = time;
        Source = source;
        Sink = sink;
    }

    public FakeTimeProvider Time { get; }

    public ScriptedSource Source { get; }

    public RecordingSink Sink { get; }

    public FlowPoller Poller => _services.GetRequiredService<FlowPoller>();

    public RecordStore Records => _services.GetRequiredService<RecordStore>();

    public PipelineStorage Storage => _services.GetRequiredService<PipelineStorage>();

    public TableMappingTables Mappings => _services.GetRequiredService<TableMappingTables>();

    public PipelineWorkers Workers => _services.GetRequiredService<PipelineWorkers>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<PipelineHarness> StartAsync(string connectionString, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var source = new ScriptedSource(time);
        var sink = new RecordingSink();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Pipeline:NamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["Pipeline:MappingCacheSeconds"] = "0",
        }).AddInMemoryCollection(settings ?? []).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new QueueRules { MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero, BatchSize = 16, NewBatchThreshold = 8, MaxPollingInterval = TimeSpan.FromMilliseconds(200) });
        // Admin calls in these tests come from the operator (the hosts' own access models have their own tests).
        services.AddSingleton<IOperatorAccess>(new OperatorAtThisMachine());
        services.AddPipeline(configuration);
        services.AddSingleton<PipelineWorkers>();
        services.AddFlow(new FlowDefinition
        {
            Name = FlowName,
            Description = "scripted test flow",
            SourceSystem = "Test source",
            TargetSystem = "Test target",
            Source = _ => source,
            Mapper = sp => new PrefixMapper(sp.GetRequiredService<IMappingTables>()),
            Sink = _ => sink,
        });
        services.AddFlow(new FlowDefinition
        {
            Name = WebhookFlowName,
            Description = "scripted webhook flow",
            SourceSystem = "Test sender",
            TargetSystem = "Test target",
            Webhook = _ => new ScriptedWebhookSource(),
            Mapper = sp => new PrefixMapper(sp.GetRequiredService<IMappingTables>()),
            Sink = _ => sink,
        });
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new PipelineHarness(provider, time, source, sink);
    }

    /// <summary>One scheduled poll, then the map and write stages until both queues are empty.</summary>
    public async Task<PollSummary> SyncAsync()
    {
        var summary = await Poller.PollAsync(FlowName, CancellationToken.None);
        await DrainAsync();
        return summary;
    }

    public Task DrainAsync() => Workers.DrainAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    public async Task<RecordEntity> RecordAsync(string key) =>
        await Records.GetAsync(FlowName, key, CancellationToken.None) ?? throw new InvalidOperationException($"No record row for {key}.");

    public async Task<int> PoisonDepthAsync(PipelineQueue queue) =>
        (await Storage.PoisonQueueFor(queue).PeekMessagesAsync(32)).Value.Length;

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

/// <summary>Every request comes from an operator: the access decision is not what the engine tests are about.</summary>
internal sealed class OperatorAtThisMachine : IOperatorAccess
{
    public OperatorPrincipal Resolve(Microsoft.AspNetCore.Http.HttpRequest request) => new("engine test operator", OperatorRole.Operator, IsAuthenticated: true);
}
