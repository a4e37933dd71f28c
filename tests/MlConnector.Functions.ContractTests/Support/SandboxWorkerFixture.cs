using Microsoft.Extensions.DependencyInjection;
using MlConnector.Functions.ContractTests.Host;
using MlConnector.Pipeline.Secrets;
using MlConnector.Runtime.Azurite;

namespace MlConnector.Functions.ContractTests.Support;

/// <summary>
/// One worker started from local.settings.sample.json with the sandbox's settings over it (every connector pointed at
/// its simulator, storage at a fresh Azurite, secrets in a scratch encrypted store), fully loaded, its front door open.
/// </summary>
public sealed class SandboxWorkerFixture : IAsyncLifetime
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "mlc-contract-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;
    private Sandbox.Sandbox? _sandbox;
    private FunctionsTestHost? _host;
    private ServiceProvider? _storage;

    public FunctionsTestHost Host => _host ?? throw new InvalidOperationException("The worker has not started.");

    public Sandbox.Sandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public string StorageConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>The engine's storage classes over the worker's Azurite.</summary>
    public IServiceProvider Storage => _storage ?? throw new InvalidOperationException("Storage services are not built.");

    /// <summary>The settings the worker was started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    public HostQueueDelivery Queues => new(Host, StorageConnectionString);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(dataDirectory: null);
        _sandbox = await MlConnector.Sandbox.Sandbox.StartAsync();
        var settings = AppSettingSets.SampleOver(_sandbox.Settings(_azurite.ConnectionString, namePrefix: string.Empty, _secrets));
        settings[EasyAuthFrontEnd.EnabledSetting.Key] = EasyAuthFrontEnd.EnabledSetting.Value;
        await _sandbox.StoreSecretsAsync(new EncryptedFileSecretStore(_secrets), CancellationToken.None);
        Settings = settings;
        _storage = StorageServices.Create(_azurite.ConnectionString);
        _host = await FunctionsTestHost.StartWorkerAsync(FunctionApp.Directory, settings);
        await _host.StartFunctionsAsync();
        await _host.StartFrontDoorAsync();

        // The worker creates its storage in the background at start; tests that use it wait for the worker's word.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!_host.Channel.LogText().Contains("Pipeline storage ready", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (System.IO.Directory.Exists(_secrets))
        {
            System.IO.Directory.Delete(_secrets, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxWorkerCollection : ICollectionFixture<SandboxWorkerFixture>
{
    public const string Name = "Worker on the sandbox";
}
