using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.Jaggaer.Api;
using MlConnector.Simulators.Jaggaer.Model;
using MlConnector.Simulators.Jaggaer.Seeding;

namespace MlConnector.Simulators.Jaggaer;

/// <summary>
/// One JAGGAER One Platform instance on loopback: the Keycloak token endpoint (and the legacy Advanced one), the J1P
/// envelope and <c>start</c> paging with a fixed server page size, FIQL <c>flt</c> filters, supplier company profiles
/// and a synthetic purchase-order resource. Point a client's base URL at <see cref="BaseAddress"/>.
/// </summary>
public sealed class JaggaerSimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;
    private readonly TokenIssuer _tokens;

    private JaggaerSimulator(SimulatorServer server, JaggaerSimulatorOptions options)
    {
        _server = server;
        Options = options;
        Store = server.Services.GetRequiredService<JaggaerStore>();
        _tokens = server.Services.GetRequiredService<TokenIssuer>();
    }

    public Uri BaseAddress => _server.BaseAddress;

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    /// <summary>Test hook: serves rows the store refuses to hold (malformed fields), by editing the real answers; off while empty.</summary>
    public AnswerRewrites AnswerRewrites => _server.Rewrites;

    public JaggaerSimulatorOptions Options { get; }

    /// <summary>The instance's data: seed it directly, or inspect what the API would return.</summary>
    public JaggaerStore Store { get; }

    /// <summary>Keycloak token requests seen (answered or refused), from the journal.</summary>
    public int TokenRequestCount => Journal.Entries.Count(entry => entry.Method == "POST" && entry.Path.EndsWith("/protocol/openid-connect/token", StringComparison.Ordinal));

    /// <summary>Tokens handed out.</summary>
    public int IssuedTokenCount => _tokens.IssuedCount;

    public static async Task<JaggaerSimulator> StartAsync(JaggaerSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JaggaerSimulatorOptions();
        var server = await SimulatorServer.StartAsync(
            "jaggaer",
            services =>
            {
                services.AddSingleton(options);
                services.AddSingleton(new JaggaerStore(options.Time));
                services.AddSingleton<TokenIssuer>();
            },
            MapEndpoints,
            options.Url,
            cancellationToken);
        return new JaggaerSimulator(server, options);
    }

    /// <summary>Generates deterministic suppliers and purchase orders; returns what X3 needs and what a sync should do.</summary>
    public SeedScenario Seed(SeedRequest request) => JaggaerSeedGenerator.Seed(Store, request);

    /// <summary>Changes a purchase order as a buyer would: a new version stamped now (or at <paramref name="at"/>).</summary>
    public SimPurchaseOrder ModifyPurchaseOrder(long purchaseOrderId, Func<SimPurchaseOrder, SimPurchaseOrder> change, DateTimeOffset? at = null) =>
        Store.Modify(purchaseOrderId, change, at) ?? throw new KeyNotFoundException($"No purchase order {purchaseOrderId}.");

    /// <summary>Every issued token stops working, as after expiry: the next call gets 401.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    /// <summary>The next <paramref name="times"/> matching API reads answer HTTP 200 with <c>returnCode</c> 1 and <paramref name="message"/>.</summary>
    public void RefuseNextWithReturnCode(string message, int times = 1, string? pathContains = null) =>
        Faults.FailNext(200, times, pathContains ?? "/j1p/api/public/", "GET", body: J1pList.FailureBody(message));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void MapEndpoints(WebApplication app)
    {
        app.Use((context, next) => ApiGate.InvokeAsync(context, () => next(context)));
        TokenEndpoints.Map(app);
        CompanyProfileEndpoints.Map(app);
        PurchaseOrderEndpoints.Map(app);
    }
}
