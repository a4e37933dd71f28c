using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Stedi.Webhooks;

/// <summary>The part of a <c>transaction.processed.v2</c> event the pipeline keeps: enough to fetch the translated JSON.</summary>
public sealed record StediTransactionEvent(string TransactionId, string TransactionSetId, string PartnershipId, string? ProcessedAt);

/// <summary>
/// Stedi EDI-platform webhooks. They carry no signature: the delivery must present the credential set configured on
/// the destination, either an API-key header (<see cref="StediOptions.WebhookApiKeyHeader"/>) or HTTP Basic; anything
/// else is 401. A verified <c>transaction.processed.v2</c> for an inbound transaction of a set this flow handles
/// becomes one record (key = transaction id, so a repeated delivery of the same event is dropped); our own outbound
/// transactions, other sets (997) and other event types are acknowledged and not admitted.
/// </summary>
public sealed class StediWebhookSource(IOptions<StediOptions> options, StediWebhookCredential credential, ILogger<StediWebhookSource> logger) : IWebhookSource
{
    public const string TransactionProcessed = "transaction.processed.v2";

    /// <summary>Inbound sets this source admits: 855 acknowledgments and 856 ship notices.</summary>
    public static readonly IReadOnlySet<string> HandledSets = new HashSet<string>(StringComparer.Ordinal) { "855", "856" };

    public int MaxBodyBytes => options.Value.WebhookMaxBodyBytes;

    public WebhookVerification Verify(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var verification = VerifyCore(delivery);
        if (!verification.IsValid)
        {
            // The reason only: never the header value or the credential.
            logger.LogWarning("Stedi webhook refused: {Reason}", verification.Failure);
        }

        return verification;
    }

    public WebhookParseResult Parse(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(delivery.Body);
        }
        catch (JsonException exception)
        {
            return WebhookParseResult.Malformed($"the webhook body is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookParseResult.Malformed("the webhook body is not a JSON object");
            }

            // Destinations wrap the event as {"event": …, "artifact": …}; accept a bare event too.
            var evt = root.TryGetProperty("event", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : root;
            var type = Text(evt, "detail-type");
            if (type is null)
            {
                return WebhookParseResult.Malformed("the event has no detail-type");
            }

            if (type != TransactionProcessed)
            {
                return WebhookParseResult.Ignored($"event {type} is not a transaction event");
            }

            if (!evt.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
            {
                return WebhookParseResult.Malformed("the transaction.processed.v2 event has no detail");
            }

            var transactionId = Text(detail, "transactionId");
            var transaction = Child(Child(Child(detail, "x12"), "metadata"), "transaction");
            var set = transaction is { } found ? Text(found, "transactionSetIdentifier") : null;
            var partnership = Child(detail, "partnership") is { } p ? Text(p, "partnershipId") : null;
            if (transactionId is null || set is null || partnership is null)
            {
                return WebhookParseResult.Malformed("the transaction.processed.v2 event lacks detail.transactionId, detail.partnership.partnershipId or detail.x12.metadata.transaction.transactionSetIdentifier");
            }

            if (!string.Equals(Text(detail, "direction"), "INBOUND", StringComparison.OrdinalIgnoreCase))
            {
                return WebhookParseResult.Ignored($"{Text(detail, "direction")?.ToLowerInvariant() ?? "undirected"} {set} transaction {transactionId} (our own outbound document)");
            }

            if (!HandledSets.Contains(set))
            {
                return WebhookParseResult.Ignored($"inbound {set} transaction {transactionId} from {partnership}: only 855 and 856 are written to X3");
            }

            var processedAt = Text(detail, "processedAt");
            var record = new StediTransactionEvent(transactionId, set, partnership, processedAt);
            DateTimeOffset? at = DateTimeOffset.TryParse(processedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            return WebhookParseResult.Of(new SourceRecord(transactionId, processedAt ?? "1", at, CanonicalJson.ToElement(record)));
        }
    }

    private WebhookVerification VerifyCore(WebhookDelivery delivery)
    {
        var settings = options.Value;
        var expected = credential.Current();
        if (string.IsNullOrEmpty(expected))
        {
            return WebhookVerification.Invalid($"no webhook credential: store it as secret '{StediSecretNames.WebhookCredential}'");
        }

        if (settings.WebhookAuthMode == StediWebhookAuthMode.ApiKey)
        {
            return delivery.Headers.TryGetValue(settings.WebhookApiKeyHeader, out var presented) && FixedEquals(presented.Trim(), expected.Trim())
                ? WebhookVerification.Valid
                : WebhookVerification.Invalid($"header '{settings.WebhookApiKeyHeader}' is missing or does not match the configured credential");
        }

        if (!delivery.Headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerification.Invalid("no Basic Authorization header");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return WebhookVerification.Invalid("the Basic Authorization header is not base64");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && FixedEquals(decoded[..colon], settings.WebhookBasicUser) & FixedEquals(decoded[(colon + 1)..], expected)
            ? WebhookVerification.Valid
            : WebhookVerification.Invalid("the Basic user or password does not match the configured credential");
    }

    private static bool FixedEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The named object inside an object; null when either is some other kind of value (a string, an array).</summary>
    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } parent && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;
}
