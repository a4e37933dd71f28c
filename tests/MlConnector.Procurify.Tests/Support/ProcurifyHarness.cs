using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Flows;
using MlConnector.Core.Secrets;
using MlConnector.Simulators.Procurify;

namespace MlConnector.Procurify.Tests.Support;

/// <summary>A simulator on loopback and a real client container pointed at it.</summary>
internal sealed class ProcurifyHarness : IAsyncDisposable
{
    private ProcurifyHarness(ProcurifySimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public ProcurifySimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public ProcurifyClient Client => Services.GetRequiredService<ProcurifyClient>();

    public ISourceStream PurchaseOrders => Services.GetRequiredKeyedService<ISourceStream>(ProcurifyNames.PurchaseOrderStream);

    public ISourceStream Requisitions => Services.GetRequiredKeyedService<ISourceStream>(ProcurifyNames.RequisitionStream);

    /// <param name="time">Shared by the simulator and the client (token lifetimes); retries need real time, so only tests without faults pass a fake.</param>
    public static async Task<ProcurifyHarness> StartAsync(string? secret = null, int pageSize = 5, ProcurifySimulatorOptions? simulatorOptions = null, TimeProvider? time = null)
    {
        simulatorOptions ??= new ProcurifySimulatorOptions();
        if (time is not null)
        {
            simulatorOptions.Time = time;
        }

        var simulator = await ProcurifySimulator.StartAsync(simulatorOptions);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Procurify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Procurify:ClientId"] = simulator.Options.ClientId,
            ["Procurify:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var secrets = new InMemorySecretStore();
        await secrets.SetSecretAsync(ProcurifySecretNames.ClientSecret, secret ?? simulator.Options.ClientSecret, CancellationToken.None);
        var services = new ServiceCollection().AddSingleton<ISecretStore>(secrets);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services
            .AddProcurify(configuration, resilience =>
            {
                resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
                resilience.MaxRetryAttempts = 3;
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new ProcurifyHarness(simulator, provider);
    }

    public async Task<List<SourceRecord>> ReadAllAsync(ISourceStream stream, DateTimeOffset? since)
    {
        var records = new List<SourceRecord>();
        await foreach (var page in stream.ReadAsync(new StreamPosition(since, null), CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        return records;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
