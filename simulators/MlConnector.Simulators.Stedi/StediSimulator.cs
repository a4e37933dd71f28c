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
/// validation (plain 004010/005010 names or a guide's JSON Schema), real X12 envelopes of the guide's release and the
/// Idempotency-Key window, the transaction list, transaction output via pre-signed URLs, and webhook delivery of
/// <c>transaction.processed.v2</c> events for inbound and outbound transactions. Only paths Stedi's Core OpenAPI has.
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
    /// A trading partner with the usual four transaction settings (outbound 850 and 810, inbound 855 and 856), all on
    /// plain X12 <paramref name="release"/>. Their ids are generated the way Stedi generates them (26-character ULIDs,
    /// e.g. <c>01HGH4N7D8VGCXGVD97JTNKK1N</c>): read them with <see cref="SettingId"/>.
    /// </summary>
    public SimPartnership AddTradingPartner(string partnershipId, string partnerIsaId, string release = "004010")
    {
        var partnership = Store.AddPartnership(partnershipId, partnerIsaId);
        foreach (var (set, direction) in new[] { ("850", "outbound"), ("810", "outbound"), ("855", "inbound"), ("856", "inbound") })
        {
            partnership.TransactionSettings.Add(new SimTransactionSetting(StediStore.NewUlid(), set, direction, StediStore.NewUlid(), release));
        }

        return partnership;
    }

    /// <summary>The id Stedi generated for a partnership's transaction setting of one set and direction.</summary>
    public string SettingId(string partnershipId, string transactionSetId, string direction) => Setting(partnershipId, transactionSetId, direction).TransactionSettingId;

    /// <summary>Validates a setting with a guide's JSON Schema (the customer built a guide in Stedi) on <paramref name="release"/>.</summary>
    public void UseGuide(string partnershipId, string transactionSetId, string direction, JsonObject guideSchema, string release)
    {
        var partnership = Store.Partnership(partnershipId) ?? throw new KeyNotFoundException($"No partnership {partnershipId}.");
        var setting = Setting(partnershipId, transactionSetId, direction);
        partnership.TransactionSettings[partnership.TransactionSettings.IndexOf(setting)] = setting with { GuideSchema = guideSchema, Release = release };
    }

    /// <summary>
    /// The trading partner sends an X12 transaction (855, 856…), which Stedi translates to <paramref name="guideJson"/>:
    /// stored as a transaction with the interchange it came in and announced to the webhook destination. Returns the
    /// transaction id.
    /// </summary>
    public string ReceiveFromPartner(string partnershipId, string transactionSetId, JsonObject guideJson)
    {
        var partnership = Store.Partnership(partnershipId) ?? throw new KeyNotFoundException($"No partnership {partnershipId}.");
        var setting = Setting(partnershipId, transactionSetId, "inbound");
        var at = Store.Time.GetUtcNow();
        var control = Store.NextControlNumber(partnershipId + ":in");
        var errors = new List<string>();
        var segments = GuideJson.Segments(guideJson, setting, Delimiters.For(setting.Release), repair: true, errors);
        var (edi, metadata) = InterchangeWriter.Write(partnership, fromPartner: true, control, at, Options.UsageIndicator, "0", [[new RenderedTransaction(setting, segments)]]);
        var transaction = new SimTransaction(StediStore.NewId(), "INBOUND", transactionSetId, partnershipId, setting.TransactionSettingId, StediStore.NewId(), at, guideJson, edi, metadata[0]);
        Store.AddTransaction(transaction);
        Webhooks.Deliver(transaction);
        return transaction.TransactionId;
    }

    private SimTransactionSetting Setting(string partnershipId, string transactionSetId, string direction) =>
        Store.Partnership(partnershipId)?.TransactionSettings.FirstOrDefault(s => s.TransactionSetId == transactionSetId && s.Direction == direction)
        ?? throw new InvalidOperationException($"Partnership {partnershipId} has no {direction} {transactionSetId} setting.");

    /// <summary>Waits until every webhook delivery started so far has succeeded or given up.</summary>
    public Task WebhooksIdleAsync() => Webhooks.IdleAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void MapEndpoints(WebApplication app)
    {
        app.Use((context, next) => ApiGate.InvokeAsync(context, () => next(context)));
        GenerateEdiEndpoints.Map(app);
        TransactionEndpoints.Map(app);
    }
}
