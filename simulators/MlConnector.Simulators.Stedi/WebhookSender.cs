using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Stedi.Api;
using MlConnector.Simulators.Stedi.Model;

namespace MlConnector.Simulators.Stedi;

/// <summary>
/// Delivers <c>transaction.processed.v2</c> events to the webhook destination as Stedi's EDI-platform webhooks do:
/// body <c>{"event": …, "artifact": …}</c> (the Guide JSON attached only while the whole payload stays under 1 MB),
/// the configured credential set's header (API key or Basic; no signature), a 5-second timeout, then up to four
/// retries before the event goes to the error queue.
/// </summary>
public sealed class WebhookSender(StediSimulatorOptions options, StediStore store)
{
    private const int AttachLimitBytes = 1024 * 1024;
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<Task> _running = [];
    private readonly Lock _gate = new();

    /// <summary>Where the events' artifact URLs point (the simulator's own address once it listens).</summary>
    public Uri ApiBase { get; set; } = new("https://core.us.stedi.com/");

    /// <summary>Starts delivering one event in the background; <see cref="IdleAsync"/> waits for all of them.</summary>
    public void Deliver(SimTransaction transaction)
    {
        if (options.WebhookUrl is null)
        {
            return;
        }

        var body = Event(transaction, ApiBase);
        lock (_gate)
        {
            _running.Add(Task.Run(() => SendWithRetriesAsync(body, transaction.TransactionId)));
        }
    }

    /// <summary>Sends the same event again (Stedi delivers at least once).</summary>
    public Task<int?> RedeliverAsync(SimTransaction transaction) => SendOnceAsync(Event(transaction, ApiBase), transaction.TransactionId, 1);

    public async Task IdleAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    /// <summary>The event as Stedi shapes it (EventBridge envelope, <c>detail</c> with artifacts, partnership and X12 metadata).</summary>
    public JsonObject Event(SimTransaction transaction, Uri apiBase)
    {
        var resource = new Uri(apiBase, $"2023-08-01/transactions/{transaction.TransactionId}").ToString();
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = StediStore.NewId(),
            ["detail-type"] = "transaction.processed.v2",
            ["source"] = "stedi.core",
            ["account"] = "000000000000",
            ["time"] = TransactionEndpoints.Iso(transaction.ProcessedAt),
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray(resource),
            ["detail"] = Detail(transaction, apiBase),
        };
        var payload = new JsonObject { ["event"] = envelope };
        var attached = new JsonObject { ["artifactType"] = "application/json", ["usage"] = "output", ["attachedReason"] = "WITHIN_SIZE_LIMIT", ["detail"] = transaction.Output.DeepClone() };
        payload["artifact"] = payload.ToJsonString().Length + attached.ToJsonString().Length < AttachLimitBytes
            ? attached
            : new JsonObject { ["artifactType"] = "application/json", ["usage"] = "output", ["attachedReason"] = "SIZE_LIMIT_EXCEEDED" };
        return payload;
    }

    /// <summary>
    /// A transaction as Stedi describes it in events and in ListTransactions/GetTransaction (Core OpenAPI examples):
    /// direction, mode, status, artifacts, partnership with its profiles, and <c>x12</c> with the transaction setting
    /// and the full envelope metadata (interchange, functional group, transaction, sender and receiver).
    /// </summary>
    public JsonObject Detail(SimTransaction transaction, Uri apiBase)
    {
        var partnership = store.Partnership(transaction.PartnershipId);
        var setting = partnership?.TransactionSettings.FirstOrDefault(s => s.TransactionSettingId == transaction.TransactionSettingId);
        var resource = new Uri(apiBase, $"2023-08-01/transactions/{transaction.TransactionId}").ToString();
        var inbound = transaction.Direction == "INBOUND";
        return new JsonObject
        {
            ["transactionId"] = transaction.TransactionId,
            ["direction"] = transaction.Direction,
            ["mode"] = options.UsageIndicator == "P" ? "production" : "test",
            ["status"] = "succeeded",
            ["fileExecutionId"] = transaction.FileExecutionId,
            ["processedAt"] = TransactionEndpoints.Iso(transaction.ProcessedAt),
            ["artifacts"] = new JsonArray(
                new JsonObject { ["artifactType"] = "application/edi-x12", ["usage"] = "input", ["url"] = resource + "/input", ["sizeBytes"] = transaction.Edi.Length, ["model"] = "transaction" },
                new JsonObject { ["artifactType"] = "application/json", ["usage"] = "output", ["url"] = resource + "/output", ["sizeBytes"] = transaction.Output.ToJsonString().Length, ["model"] = "transaction" }),
            ["partnership"] = new JsonObject
            {
                ["partnershipId"] = transaction.PartnershipId,
                ["partnershipType"] = "x12",
                ["sender"] = new JsonObject { ["profileId"] = inbound ? partnership?.PartnerProfileId : partnership?.LocalProfileId },
                ["receiver"] = new JsonObject { ["profileId"] = inbound ? partnership?.LocalProfileId : partnership?.PartnerProfileId },
            },
            ["x12"] = new JsonObject
            {
                ["transactionSetting"] = new JsonObject { ["guideId"] = setting?.GuideId, ["transactionSettingId"] = transaction.TransactionSettingId },
                ["metadata"] = transaction.Metadata.DeepClone(),
            },
        };
    }

    private async Task SendWithRetriesAsync(JsonObject body, string transactionId)
    {
        for (var attempt = 1; attempt <= options.WebhookRetries + 1; attempt++)
        {
            var status = await SendOnceAsync(body, transactionId, attempt);
            if (status is >= 200 and < 300)
            {
                return;
            }

            if (attempt <= options.WebhookRetries)
            {
                await Task.Delay(options.WebhookRetryDelay, options.Time);
            }
        }

        store.AddToErrorQueue(body["event"]!["id"]!.ToString());
    }

    private async Task<int?> SendOnceAsync(JsonObject body, string transactionId, int attempt)
    {
        var eventId = body["event"]!["id"]!.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.WebhookUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (options.WebhookApiKey is { } apiKey)
        {
            request.Headers.TryAddWithoutValidation(apiKey.Name, apiKey.Value);
        }
        else if (options.WebhookBasicAuth is { } basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}")));
        }
        else
        {
            request.Headers.TryAddWithoutValidation("x-stedi-noauth", "dummy");
        }

        using var timeout = new CancellationTokenSource(options.WebhookTimeout);
        try
        {
            using var response = await Http.SendAsync(request, timeout.Token);
            store.AddDelivery(new SimDelivery(eventId, transactionId, attempt, (int)response.StatusCode, null, store.Time.GetUtcNow()));
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            store.AddDelivery(new SimDelivery(eventId, transactionId, attempt, null, exception is OperationCanceledException ? "timed out after 5 s" : exception.Message, store.Time.GetUtcNow()));
            return null;
        }
    }
}
