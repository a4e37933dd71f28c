using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Secrets;
using MlConnector.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Queues;

namespace MlConnector.IntegrationTests.Flows;

/// <summary>The real composition root (AddMlConnector) on Azurite, pointed at every simulator over loopback.</summary>
public sealed class ConnectedHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _secrets;

    private ConnectedHarness(Sandbox.Sandbox sandbox, ServiceProvider services, string secrets)
    {
        Sandbox = sandbox;
        _services = services;
        _secrets = secrets;
    }

    public Sandbox.Sandbox Sandbox { get; }

    public IServiceProvider Services => _services;

    public TableMappingTables Mappings => _services.GetRequiredService<TableMappingTables>();

    public RecordStore Records => _services.GetRequiredService<RecordStore>();

    /// <param name="overrides">Settings laid over the sandbox's, e.g. a shorter X3 reference-data cache.</param>
    public static async Task<ConnectedHarness> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var sandbox = await MlConnector.Sandbox.Sandbox.StartAsync();
        var secrets = Path.Combine(Path.GetTempPath(), "mlc-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(sandbox.Settings(storageConnectionString, "e" + Guid.NewGuid().ToString("N")[..10], secrets))
        {
            ["Pipeline:MappingCacheSeconds"] = "0",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new QueueRules { MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero, BatchSize = 16, NewBatchThreshold = 8, MaxPollingInterval = TimeSpan.FromMilliseconds(200) });
        services.AddMlConnector(configuration);
        services.AddSingleton<PipelineWorkers>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(CancellationToken.None);
        await sandbox.StoreSecretsAsync(provider.GetRequiredService<ISecretStore>(), CancellationToken.None);
        return new ConnectedHarness(sandbox, provider, secrets);
    }

    public async Task<PollSummary> SyncAsync(string flow)
    {
        var summary = await _services.GetRequiredService<FlowPoller>().PollAsync(flow, CancellationToken.None);
        await DrainAsync();
        return summary;
    }

    public Task DrainAsync() => _services.GetRequiredService<PipelineWorkers>().DrainAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);

    public async Task<List<RecordEntity>> RecordsAsync(string flow, RecordStatus status)
    {
        var rows = new List<RecordEntity>();
        await foreach (var row in Records.QueryAsync(flow, status, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        if (Directory.Exists(_secrets))
        {
            Directory.Delete(_secrets, recursive: true);
        }
    }
}
