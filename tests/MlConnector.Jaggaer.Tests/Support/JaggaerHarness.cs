using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;
using MlConnector.Core.Secrets;
using MlConnector.Simulators.Jaggaer;

namespace MlConnector.Jaggaer.Tests.Support;

/// <summary>A JAGGAER simulator on loopback and a real client container pointed at it.</summary>
internal sealed class JaggaerHarness : IAsyncDisposable
{
    private JaggaerHarness(JaggaerSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public JaggaerSimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public JaggaerClient Client => Services.GetRequiredService<JaggaerClient>();

    public ISourceStream Suppliers => Services.GetRequiredKeyedService<ISourceStream>(JaggaerNames.SupplierStream);

    public ISourceStream PurchaseOrders => Services.GetRequiredKeyedService<ISourceStream>(JaggaerNames.PurchaseOrderStream);

    public ITokenProvider Tokens => Services.GetRequiredKeyedService<ITokenProvider>(JaggaerNames.TokenProvider);

    public IConnectionCheck ConnectionCheck => Services.GetServices<IConnectionCheck>().OfType<JaggaerConnectionCheck>().Single();

    /// <param name="time">Shared by the simulator and the client (token lifetimes); retries need real time, so only tests without faults pass a fake.</param>
    /// <param name="baseUrl">Overrides the simulator's address (a wrong URL for the connection check).</param>
    /// <param name="companyRowKey">The key the simulator nests each company profile under (<c>returnCompanyInfo</c> or <c>companyMaster</c>).</param>
    public static async Task<JaggaerHarness> StartAsync(string? secret = null, int pageSize = 20, TimeProvider? time = null, string? baseUrl = null, string companyRowKey = "returnCompanyInfo")
    {
        var simulator = await JaggaerSimulator.StartAsync(new JaggaerSimulatorOptions { PageSize = pageSize, Time = time ?? TimeProvider.System, CompanyRowKey = companyRowKey });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jaggaer:BaseUrl"] = baseUrl ?? simulator.BaseAddress.ToString(),
            ["Jaggaer:ClientId"] = simulator.Options.ClientId,
        }).Build();
        var secrets = new InMemorySecretStore();
        await secrets.SetSecretAsync(JaggaerSecretNames.ClientSecret, secret ?? simulator.Options.ClientSecret, CancellationToken.None);
        var services = new ServiceCollection().AddSingleton<ISecretStore>(secrets);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddJaggaer(configuration, resilience =>
        {
            resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
            resilience.MaxRetryAttempts = 3;
        });
        return new JaggaerHarness(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
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

    public async Task<List<JaggaerPage>> ListSuppliersAsync(JaggaerFilter filter)
    {
        var pages = new List<JaggaerPage>();
        await foreach (var page in Client.ListSuppliersAsync(filter, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>The J1P API calls the simulator saw (token requests excluded).</summary>
    public List<Simulators.Common.JournalEntry> ApiCalls() =>
        [.. Simulator.Journal.Entries.Where(entry => entry.Path.StartsWith("/j1p/api/public/", StringComparison.Ordinal))];

    public static string Start(int start) => "start=" + start.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
