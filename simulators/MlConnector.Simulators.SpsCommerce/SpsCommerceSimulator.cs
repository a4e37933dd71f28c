using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.SpsCommerce.Api;
using MlConnector.Simulators.SpsCommerce.Files;
using MlConnector.Simulators.SpsCommerce.Seeding;

namespace MlConnector.Simulators.SpsCommerce;

/// <summary>
/// One SPS Commerce supplier account on loopback: Auth0's <c>/oauth/token</c> (the real one lives on
/// <c>auth.spscommerce.com</c>) and Transaction API v5 (<c>api.spscommerce.com/transactions/v5</c>) over a virtual
/// <c>in/</c> / <c>out/</c> file system. Point both the token URL and the API URL at <see cref="BaseAddress"/>.
/// </summary>
public sealed class SpsCommerceSimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;
    private readonly SpsTokenIssuer _tokens;

    private SpsCommerceSimulator(SimulatorServer server, SpsCommerceSimulatorOptions options)
    {
        _server = server;
        Options = options;
        Files = server.Services.GetRequiredService<SpsFileStore>();
        _tokens = server.Services.GetRequiredService<SpsTokenIssuer>();
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The token endpoint, as <c>https://auth.spscommerce.com/oauth/token</c>.</summary>
    public Uri TokenAddress => new(_server.BaseAddress, "oauth/token");

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    public SpsCommerceSimulatorOptions Options { get; }

    /// <summary>The account's files: drop orders into <c>out/</c>, inspect uploads in <c>in/</c>.</summary>
    public SpsFileStore Files { get; }

    public int TokenRequestCount => Journal.Entries.Count(entry => entry.Method == "POST" && entry.Path == TokenEndpoint.Path);

    public int IssuedTokenCount => _tokens.IssuedCount;

    /// <summary>True when uploads are held to SPS's published RSX contract (the contract files were found).</summary>
    public bool ChecksUploadsAgainstContract => _server.Services.GetRequiredService<UploadRules>().ChecksContract;

    public static async Task<SpsCommerceSimulator> StartAsync(SpsCommerceSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SpsCommerceSimulatorOptions();
        var server = await SimulatorServer.StartAsync(
            "sps-commerce",
            services =>
            {
                services.AddSingleton(options);
                services.AddSingleton(new SpsFileStore(options.Time));
                services.AddSingleton<SpsTokenIssuer>();
                services.AddSingleton<UploadRules>();
            },
            MapEndpoints,
            options.Url,
            cancellationToken);
        return new SpsCommerceSimulator(server, options);
    }

    /// <summary>Drops RSX 7.7.7 Orders into <c>out/PO/</c>; returns the mappings X3 and ml-connector need and the expected outcome.</summary>
    public OrderSeedScenario SeedOrders(OrderSeedRequest request) => SpsOrderSeeder.Seed(Files, request);

    /// <summary>Drops versions of one PO (purpose codes such as 00, 04, 01) into <c>out/PO/</c>, one file each, in listing order.</summary>
    public IReadOnlyList<string> SeedOrderVersions(string partner, string purchaseOrderNumber, IReadOnlyList<string> purposeCodes) =>
        SpsOrderSeeder.SeedVersions(Files, partner, purchaseOrderNumber, purposeCodes, new DateOnly(2026, 12, 1));

    /// <summary>Every issued token stops working, as after expiry: the next call gets 401.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void MapEndpoints(WebApplication app)
    {
        app.Use((context, next) => ApiGate.InvokeAsync(context, () => next(context)));
        TokenEndpoint.Map(app);
        TransactionEndpoints.Map(app);
    }
}
