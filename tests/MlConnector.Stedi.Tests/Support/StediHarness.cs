using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Core.Secrets;
using MlConnector.Flows.StediX3;
using MlConnector.Simulators.Stedi;

namespace MlConnector.Stedi.Tests.Support;

/// <summary>A Stedi simulator on loopback (one trading partner, <see cref="Partnership"/>) and a real client container pointed at it.</summary>
internal sealed class StediHarness : IAsyncDisposable
{
    public const string Partnership = "me_acme-parts";
    public const string Supplier = "SUP-EDI";

    private StediHarness(StediSimulator simulator, ServiceProvider services, InMemorySecretStore secrets, InMemoryMappingTables mappings, InMemoryGuideSchemaStore guideFiles)
    {
        GuideFiles = guideFiles;
        Simulator = simulator;
        Services = services;
        Secrets = secrets;
        Mappings = mappings;
    }

    public StediSimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public InMemorySecretStore Secrets { get; }

    public InMemoryMappingTables Mappings { get; }

    /// <summary>Imported guide JSON Schemas (what `mlc stedi guide import` stores).</summary>
    public InMemoryGuideSchemaStore GuideFiles { get; }

    public StediGuides Guides => Services.GetRequiredService<StediGuides>();

    public StediClient Client => Services.GetRequiredService<StediClient>();

    public ITargetSink Sink => Services.GetRequiredKeyedService<ITargetSink>(StediNames.OutboundSink);

    public IWebhookSource Webhooks => Services.GetRequiredKeyedService<IWebhookSource>(StediNames.WebhookSource);

    public StediPartners Partners => Services.GetRequiredService<StediPartners>();

    public IConnectionCheck ConnectionCheck => Services.GetServices<IConnectionCheck>().OfType<StediConnectionCheck>().Single();

    public static async Task<StediHarness> StartAsync(string? apiKey = null, string? baseUrl = null, IReadOnlyDictionary<string, string?>? settings = null, string release = "004010")
    {
        var simulator = await StediSimulator.StartAsync();
        simulator.AddTradingPartner(Partnership, "ACMEPARTS", release);
        var values = new Dictionary<string, string?> { ["Stedi:BaseUrl"] = baseUrl ?? simulator.ApiBaseAddress.ToString() };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var secrets = new InMemorySecretStore();
        await secrets.SetSecretAsync(StediSecretNames.ApiKey, apiKey ?? simulator.Options.ApiKeys[0], CancellationToken.None);
        await secrets.SetSecretAsync(StediSecretNames.WebhookCredential, "Bearer whk-123", CancellationToken.None);
        var mappings = new InMemoryMappingTables().Add(StediNames.PartnershipTable, Supplier, Partnership)
            .Add(StediNames.TransactionSettingTable, $"{Partnership}:850", simulator.SettingId(Partnership, "850", "outbound"))
            .Add(StediNames.TransactionSettingTable, $"{Partnership}:810", simulator.SettingId(Partnership, "810", "outbound"));
        var guideFiles = new InMemoryGuideSchemaStore();
        var services = new ServiceCollection()
            .AddSingleton<ISecretStore>(secrets)
            .AddSingleton<IMappingTables>(mappings)
            .AddSingleton<IGuideSchemaStore>(guideFiles)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddStedi(configuration, resilience =>
        {
            resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
            resilience.MaxRetryAttempts = 2;
        });
        services.AddSingleton<StediPartners>();
        return new StediHarness(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), secrets, mappings, guideFiles);
    }

    public StediOptions Options => Services.GetRequiredService<IOptions<StediOptions>>().Value;

    public List<Simulators.Common.JournalEntry> Posts() =>
        [.. Simulator.Journal.Entries.Where(entry => entry.Method == "POST")];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
