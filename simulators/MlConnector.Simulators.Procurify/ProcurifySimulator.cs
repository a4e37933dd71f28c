using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.Procurify.Api;
using MlConnector.Simulators.Procurify.Api.Shapes;
using MlConnector.Simulators.Procurify.Model;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Simulators.Procurify;

/// <summary>
/// One Procurify tenant on loopback. The tenant is the whole simulator: point a client's base URL at
/// <see cref="BaseAddress"/> (path-free). A request whose <c>Host</c> names another <c>{domain}.procurify.com</c>
/// tenant is answered 404, as an unknown tenant would be.
/// </summary>
public sealed class ProcurifySimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;
    private readonly TokenIssuer _tokens;

    private ProcurifySimulator(SimulatorServer server, ProcurifySimulatorOptions options)
    {
        _server = server;
        Options = options;
        Store = server.Services.GetRequiredService<ProcurifyStore>();
        _tokens = server.Services.GetRequiredService<TokenIssuer>();
    }

    public Uri BaseAddress => _server.BaseAddress;

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    /// <summary>Test hook: serves rows the store refuses to hold (malformed fields), by editing the real answers; off while empty.</summary>
    public AnswerRewrites AnswerRewrites => _server.Rewrites;

    public ProcurifySimulatorOptions Options { get; }

    /// <summary>Query parameters answered as if absent: undefined by Procurify (it ignores them) or not simulated.</summary>
    public IReadOnlyList<IgnoredParameter> IgnoredParameters => _server.Services.GetRequiredService<IgnoredParameterLog>().Entries;

    /// <summary>The tenant's data: seed it directly, or inspect what the API would return.</summary>
    public ProcurifyStore Store { get; }

    /// <summary>Token requests seen (answered or refused), from the journal.</summary>
    public int TokenRequestCount => Journal.Entries.Count(entry => entry.Method == "POST" && entry.Path == "/oauth/token");

    /// <summary>Tokens handed out.</summary>
    public int IssuedTokenCount => _tokens.IssuedCount;

    public static async Task<ProcurifySimulator> StartAsync(ProcurifySimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcurifySimulatorOptions();
        var server = await SimulatorServer.StartAsync(
            "procurify",
            services =>
            {
                services.AddSingleton(options);
                services.AddSingleton(new ProcurifyStore(options.Time));
                services.AddSingleton<TokenIssuer>();
                services.AddSingleton<IgnoredParameterLog>();
                services.AddSingleton<OrderItemShapes>();
                services.AddSingleton<PurchaseOrderShapes>();
                services.AddSingleton<RequisitionShapes>();
            },
            MapEndpoints,
            options.Url,
            cancellationToken);
        return new ProcurifySimulator(server, options);
    }

    /// <summary>Generates deterministic vendors, codes, departments, orders and requisitions; returns what X3 needs.</summary>
    public SeedScenario Seed(SeedRequest request) => ProcurifySeedGenerator.Seed(Store, request);

    /// <summary>Changes a purchase order as a user would: a new version stamped now (or at <paramref name="at"/>).</summary>
    public SimPurchaseOrder ModifyPurchaseOrder(int procurifyPO, Func<SimPurchaseOrder, SimPurchaseOrder> change, DateTimeOffset? at = null) =>
        Store.Modify(procurifyPO, change, at) ?? throw new KeyNotFoundException($"No purchase order {procurifyPO}.");

    public SimPurchaseOrder CancelPurchaseOrder(int procurifyPO, DateTimeOffset? at = null) =>
        ModifyPurchaseOrder(procurifyPO, order => order with { State = ProcurifyCodes.PurchaseOrderState.Cancelled }, at);

    /// <summary>Every issued token stops working, as after expiry: the next call gets 401.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void MapEndpoints(WebApplication app)
    {
        app.Use((context, next) => ApiGate.InvokeAsync(context, () => next(context)));
        TokenEndpoint.Map(app);
        PurchaseOrderEndpoints.Map(app);
        PurchaseOrderWriteEndpoints.Map(app);
        CatalogueEndpoints.Map(app);
    }
}
