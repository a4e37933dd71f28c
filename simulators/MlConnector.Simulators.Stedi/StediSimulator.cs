using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.Stedi.Api;
using MlConnector.Simulators.Stedi.Model;
using MlConnector.Simulators.Stedi.X12;

namespace MlConnector.Simulators.Stedi;

/// <summary>
/// One Stedi account (EDI platform, Core API <c>2023-08-01</c>) on loopback: API-key auth, generate-edi with guide
/// validation, real X12 envelopes and the Idempotency-Key window, partnerships, transaction output via pre-signed
/// URLs, and webhook delivery of <c>transaction.processed.v2</c> events for inbound and outbound transactions.
/// Point a client's base URL at <see cref="ApiBaseAddress"/>.
/// </summary>
public sealed class StediSimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;

    private StediSimulator(SimulatorServer server, StediSimulatorOptions options)
    {
        _server = server;
        Options = options;
        Store = server.Services.GetRequiredService<StediStore>();
        Webhooks = server.Services.GetRequiredService<WebhookSender>();
        Webhooks.ApiBase = server.BaseAddress;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The Core API root, e.g. <c>http://127.0.0.1:49152/2023-08-01</c> (real: <c>https://core.us.stedi.com/2023-08-01</c>).</summary>
    public Uri ApiBaseAddress => new(_server.BaseAddress, "2023-08-01");

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    public StediSimulatorOptions Options { get; }

    public StediStore Store { get; }

    public WebhookSender Webhooks { get; }

    public static async Task<StediSimulator> StartAsync(StediSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StediSimulatorOptions();
        var server = await SimulatorServer.StartAsync(
            "stedi",
            services =>
            {
                services.AddSingleton(options);
                services.AddSingleton(new StediStore(options.Time));
                services.AddSingleton<WebhookSender>();
            },
            MapEndpoints,
            options.Url,
            cancellationToken);
        return new StediSimulator(server, options);
    }

    /// <summary>
    /// A trading partner with the usual four transaction settings: outbound 850 and 810, inbound 855 and 856 (ids
    /// <c>{partnershipId}-850-out</c> and so on).
    /// </summary>
    public SimPartnership AddTradingPartner(string partnershipId, string partnerIsaId)
    {
        var partnership = Store.AddPartnership(partnershipId, partnerIsaId);
        partnership.TransactionSettings.Add(new SimTransactionSetting(SettingId(partnershipId, "850", "outbound"), "850", "outbound", "01SIMGUIDE850"));
        partnership.TransactionSettings.Add(new SimTransactionSetting(SettingId(partnershipId, "810", "outbound"), "810", "outbound", "01SIMGUIDE810"));
        partnership.TransactionSettings.Add(new SimTransactionSetting(SettingId(partnershipId, "855", "inbound"), "855", "inbound", "01SIMGUIDE855"));
        partnership.TransactionSettings.Add(new SimTransactionSetting(SettingId(partnershipId, "856", "inbound"), "856", "inbound", "01SIMGUIDE856"));
        return partnership;
    }

    public static string SettingId(string partnershipId, string transactionSetId, string direction) =>
        $"{partnershipId}-{transactionSetId}-{(direction == "outbound" ? "out" : "in")}";

    /// <summary>
    /// The trading partner sends an X12 transaction (855, 856…), which Stedi translates to <paramref name="guideJson"/>:
    /// stored as a transaction and announced to the webhook destination. Returns the transaction id.
    /// </summary>
    public string ReceiveFromPartner(string partnershipId, string transactionSetId, JsonObject guideJson)
    {
        var partnership = Store.Partnership(partnershipId) ?? throw new KeyNotFoundException($"No partnership {partnershipId}.");
        var setting = partnership.TransactionSettings.FirstOrDefault(s => s.TransactionSetId == transactionSetId && s.Direction == "inbound")
                      ?? throw new InvalidOperationException($"Partnership {partnershipId} has no inbound {transactionSetId} setting.");
        var at = Store.Time.GetUtcNow();
        var control = Store.NextControlNumber(partnershipId + ":in");
        var edi = InterchangeWriter.Write(partnership with { LocalIsaId = partnership.PartnerIsaId, PartnerIsaId = partnership.LocalIsaId }, control, at, Options.UsageIndicator, "0",
            [(setting, [guideJson])]);
        var transaction = new SimTransaction(StediStore.NewId(), "INBOUND", transactionSetId, partnershipId, setting.TransactionSettingId, StediStore.NewId(), at, guideJson, edi);
        Store.AddTransaction(transaction);
        Webhooks.Deliver(transaction);
        return transaction.TransactionId;
    }

    /// <summary>Waits until every webhook delivery started so far has succeeded or given up.</summary>
    public Task WebhooksIdleAsync() => Webhooks.IdleAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void MapEndpoints(WebApplication app)
    {
        app.Use((context, next) => ApiGate.InvokeAsync(context, () => next(context)));
        GenerateEdiEndpoints.Map(app);
        TransactionEndpoints.Map(app);
        PartnershipEndpoints.Map(app);
    }
}
