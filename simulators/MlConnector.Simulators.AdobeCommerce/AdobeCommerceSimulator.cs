using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// A simulated Adobe Commerce store on loopback: orders of every product type as Commerce 2.4.8 answers them
/// (<see cref="SimulatedOrderJson"/>), shipments by Commerce's rules per product type (<see cref="ShipmentRules"/>),
/// catalog products (a bundle's shipment type), order comments, OAuth 1.0a / bearer / IMS authentication, and a
/// webhook sender signing in each of Adobe's schemes, sending saved orders or place-hook payloads
/// (<see cref="PlaceHookPayload"/>) and judging each answer as Commerce would (<see cref="HookAnswer"/>).
/// </summary>
public sealed class AdobeCommerceSimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;

    private AdobeCommerceSimulator(SimulatorServer server, AdobeCommerceSimulatorOptions options, CommerceStore store, RequestAuthorizer authorizer)
    {
        _server = server;
        Options = options;
        Store = store;
        Authorizer = authorizer;
        Webhooks = new WebhookSender(options.Time);
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>What the connector's <c>BaseUrl</c> should be: <c>{BaseAddress}rest/{store}/</c>.</summary>
    public Uri RestBaseAddress => new(BaseAddress, $"rest/{Options.StoreCode}/");

    /// <summary>The IMS token endpoint this simulator also serves.</summary>
    public Uri ImsTokenUrl => new(BaseAddress, "ims/token/v3");

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    public AdobeCommerceSimulatorOptions Options { get; }

    public CommerceStore Store { get; }

    public RequestAuthorizer Authorizer { get; }

    public WebhookSender Webhooks { get; }

    public static async Task<AdobeCommerceSimulator> StartAsync(AdobeCommerceSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AdobeCommerceSimulatorOptions();
        var store = new CommerceStore(options);
        var authorizer = new RequestAuthorizer(options);
        var server = await SimulatorServer.StartAsync(
            "adobe-commerce",
            services => services.AddSingleton(store).AddSingleton(authorizer),
            app => RestEndpoints.Map(app, options, store, authorizer),
            cancellationToken: cancellationToken);
        return new AdobeCommerceSimulator(server, options, store, authorizer);
    }

    /// <summary>Adds an order and returns its full JSON (with the assigned entity_id and item ids).</summary>
    public JsonObject SeedOrder(SimulatedOrder order) => Store.AddOrder(order);

    public JsonObject? GetOrder(string incrementId) => Store.OrderByIncrementId(incrementId);

    /// <summary>Shipments created for an order (by entity_id), oldest first.</summary>
    public IReadOnlyList<JsonObject> ShipmentsFor(long orderEntityId) =>
        Store.Shipments().Where(s => s["order_id"]!.GetValue<long>() == orderEntityId).ToList();

    /// <summary>The order's status history comments, newest first.</summary>
    public IReadOnlyList<string> CommentsFor(string incrementId) =>
        GetOrder(incrementId)?["status_histories"]?.AsArray().Select(h => (string?)h!["comment"] ?? string.Empty).ToList() ?? [];

    public Task<WebhookSendResult> SendOrderWebhookAsync(Uri target, JsonObject order, WebhookSigningScheme scheme, WebhookSendOptions? options = null, CancellationToken cancellationToken = default) =>
        Webhooks.SendOrderWebhookAsync(target, order, scheme, options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Webhooks.Dispose();
        await _server.DisposeAsync();
    }
}
