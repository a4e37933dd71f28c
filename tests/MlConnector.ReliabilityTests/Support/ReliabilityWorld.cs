using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Configuration;
using MlConnector.Core.Secrets;
using MlConnector.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Azurite;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>
/// What the runtimes under test live in: Azurite with its data on disk (so it can be restarted), every simulator in
/// this test process (so they keep their state while runtimes die), the simulators' credentials in an encrypted secret
/// folder, and a local.settings.json the `mlc run` processes read. Only the flows a test names are scheduled.
/// </summary>
internal sealed class ReliabilityWorld : IAsyncDisposable
{
    /// <summary>Never, in practice: the first of January at midnight.</summary>
    private const string Never = "0 0 0 1 1 *";

    private readonly ServiceProvider _services;
    private readonly List<RuntimeProcess> _runtimes = [];
    private int _started;

    private ReliabilityWorld(AzuriteProcess azurite, Sandbox.Sandbox sandbox, string folder, IReadOnlyDictionary<string, string?> settings, ServiceProvider services)
    {
        Azurite = azurite;
        Sandbox = sandbox;
        Folder = folder;
        Settings = settings;
        _services = services;
    }

    public AzuriteProcess Azurite { get; }

    public Sandbox.Sandbox Sandbox { get; }

    /// <summary>Holds the settings file, the secret folder and every runtime's log.</summary>
    public string Folder { get; }

    public string SettingsFile => Path.Combine(Folder, "local.settings.json");

    public string SecretsFolder => Path.Combine(Folder, "secrets");

    public string LogFolder => Path.Combine(Folder, "logs");

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The composition root the runtimes use, in this process (for what a test reads or checks directly).</summary>
    public IServiceProvider Services => _services;

    public TableMappingTables Mappings => _services.GetRequiredService<TableMappingTables>();

    public RecordStore Records => _services.GetRequiredService<RecordStore>();

    public PipelineStorage Storage => _services.GetRequiredService<PipelineStorage>();

    public ISecretStore Secrets => _services.GetRequiredService<ISecretStore>();

    public WebhookInbox Inbox => _services.GetRequiredService<WebhookInbox>();

    public IReadOnlyList<RuntimeProcess> Runtimes => _runtimes;

    /// <param name="scheduled">Schedule setting -> NCRONTAB for the flows that should poll; every other poll is left for next year.</param>
    /// <param name="sandboxSettings">Settings that need the simulators' addresses (e.g. the X3 Cloud gateway).</param>
    public static async Task<ReliabilityWorld> StartAsync(
        IReadOnlyDictionary<string, string> scheduled, IReadOnlyDictionary<string, string?>? overrides = null, Func<Sandbox.Sandbox, IReadOnlyDictionary<string, string?>>? sandboxSettings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlc-reliability", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var azurite = await AzuriteProcess.StartScratchAsync();
        var sandbox = await MlConnector.Sandbox.Sandbox.StartAsync();
        var settings = new Dictionary<string, string?>(sandbox.Settings(azurite.ConnectionString, "r" + Guid.NewGuid().ToString("N")[..8], Path.Combine(folder, "secrets")));
        foreach (var schedule in AppSettingNames.All.Where(name => name.EndsWith("_Schedule", StringComparison.Ordinal)))
        {
            settings[schedule] = scheduled.TryGetValue(schedule, out var cron) ? cron : Never;
        }

        foreach (var (name, value) in (overrides ?? new Dictionary<string, string?>()).Concat(sandboxSettings?.Invoke(sandbox) ?? new Dictionary<string, string?>()))
        {
            settings[name] = value;
        }

        await WriteSettingsFileAsync(Path.Combine(folder, "local.settings.json"), settings);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMlConnector(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await services.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(CancellationToken.None);
        await sandbox.StoreSecretsAsync(services.GetRequiredService<ISecretStore>(), CancellationToken.None);
        return new ReliabilityWorld(azurite, sandbox, folder, settings, services);
    }

    /// <summary>Starts one more `mlc run`; its log goes to the log folder under its name.</summary>
    public async Task<RuntimeProcess> StartRuntimeAsync(IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var name = $"runtime-{Interlocked.Increment(ref _started)}";
        var runtime = await RuntimeProcess.StartAsync(name, SettingsFile, Path.Combine(LogFolder, name + ".log"), environment, cancellationToken);
        lock (_runtimes)
        {
            _runtimes.Add(runtime);
        }

        return runtime;
    }

    /// <summary>The runtimes still running.</summary>
    public IReadOnlyList<RuntimeProcess> Alive()
    {
        lock (_runtimes)
        {
            return _runtimes.Where(runtime => !runtime.HasExited).ToList();
        }
    }

    public async Task<Dictionary<RecordStatus, int>> CountAsync(string flow) =>
        (await Records.CountByStatusAsync(flow, CancellationToken.None)).ToDictionary(pair => pair.Key, pair => pair.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes)
        {
            await runtime.DisposeAsync();
        }

        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
        if (Environment.GetEnvironmentVariable("MLC_KEEP_RELIABILITY_LOGS") is null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind costs disk, not correctness.
            }
        }
    }

    /// <summary>The local.settings.json format both hosts read: "Values", with "__" for section separators.</summary>
    private static Task WriteSettingsFileAsync(string path, IReadOnlyDictionary<string, string?> settings) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = settings.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value),
        }));
}
