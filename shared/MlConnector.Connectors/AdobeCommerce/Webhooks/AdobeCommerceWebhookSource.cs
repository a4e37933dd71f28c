using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>
/// Adobe Commerce order webhooks, signed by the scheme the customer configured (<see cref="AdobeCommerceWebhookScheme"/>).
/// The record key is the order's increment_id: it is present in every event (entity_id is not yet assigned in
/// place-before hooks), it is the number the X3 invoice carries as its external reference, and it is the same for
/// every event of one order, so de-duplication by (order, event) works across event kinds.
/// </summary>
public sealed class AdobeCommerceWebhookSource : IWebhookSource
{
    private readonly IOptions<AdobeCommerceOptions> _options;
    private readonly WebhookKeyRing _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<AdobeCommerceWebhookSource> _logger;

    public AdobeCommerceWebhookSource(IOptions<AdobeCommerceOptions> options, WebhookKeyRing keys, TimeProvider time, ILogger<AdobeCommerceWebhookSource> logger)
    {
        _options = options;
        _keys = keys;
        _time = time;
        _logger = logger;
    }

    public int MaxBodyBytes => _options.Value.WebhookMaxBodyBytes;

    public WebhookVerification Verify(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var verification = VerifyCore(delivery);
        if (!verification.IsValid)
        {
            // The reason only: never the body, the signature or the secret.
            _logger.LogWarning("Adobe Commerce webhook refused: {Reason}", verification.Failure);
        }

        return verification;
    }

    public WebhookParseResult Parse(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (ChallengeOf(delivery) is { } challenge)
        {
            return WebhookParseResult.Challenge(challenge);
        }

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
            var envelope = OrderWebhookEnvelope.Read(document.RootElement);
            if (envelope is null)
            {
                return WebhookParseResult.Malformed("the webhook carries no order (expected data.order, order, data.value or an order object)");
            }

            var incrementId = OrderWebhookEnvelope.Text(envelope.Order, "increment_id");
            if (string.IsNullOrWhiteSpace(incrementId))
            {
                return WebhookParseResult.Malformed("the order in the webhook has no increment_id");
            }

            // An order not saved yet (place hooks) has no updated_at: the time it reached us stands in for it.
            var record = new SourceRecord(incrementId, envelope.Version(delivery.Body.Span), envelope.ModifiedAt() ?? _time.GetUtcNow(), envelope.Order.Clone());
            return WebhookParseResult.Of(record);
        }
    }

    /// <summary>See <see cref="WebhookAnswers"/>: the webhooks module always gets <c>{"op":"success"}</c>; I/O Events the plain status.</summary>
    /// <summary>
    /// The webhooks module (and the HMAC proxy in front of it) never resends a delivery and waits with no timeout unless the
    /// hook sets one (webhooks.xml <c>timeout</c>, default 0), so the intake rides out a storage outage of up to 30 s
    /// before answering; Adobe I/O Events retries a refusal, so it gets the usual short window.
    /// </summary>
    public TimeSpan StoreRetryWindow => _options.Value.WebhookScheme == AdobeCommerceWebhookScheme.IoEvents ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(30);

    public WebhookReply? Reply(WebhookOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var reply = WebhookAnswers.For(_options.Value.WebhookScheme, outcome);
        if (reply is not null && outcome.Kind == WebhookOutcomeKind.Unavailable)
        {
            // Commerce will not send this again: say which order to resend once storage is back.
            _logger.LogError("Adobe Commerce webhook answered success so that checkout goes on, but it was not stored: {Reason}. Resend the order with `mlc adobe resend`", outcome.Reason);
        }

        return reply;
    }

    private WebhookVerification VerifyCore(WebhookDelivery delivery)
    {
        var options = _options.Value;
        if (delivery.Body.Length > options.WebhookMaxBodyBytes)
        {
            return WebhookVerification.Invalid($"body of {delivery.Body.Length} bytes exceeds the limit of {options.WebhookMaxBodyBytes} bytes");
        }

        if (options.WebhookScheme == AdobeCommerceWebhookScheme.IoEvents && ChallengeOf(delivery) is not null)
        {
            // Registration handshakes carry no signature; echoing the challenge reveals nothing.
            return WebhookVerification.Valid;
        }

        var keys = _keys.Current();
        if (keys.Problem is not null)
        {
            return WebhookVerification.Invalid(keys.Problem);
        }

        var body = delivery.Body.Span;
        return options.WebhookScheme switch
        {
            AdobeCommerceWebhookScheme.Hmac => WebhookSignatureChecks.Hmac(
                body, Header(delivery, options.WebhookSignatureHeader), options.WebhookSignatureHeader, keys.HmacSecret!, options.WebhookHmacEncoding),
            AdobeCommerceWebhookScheme.CommerceRsa => WebhookSignatureChecks.CommerceRsa(
                body, Header(delivery, options.WebhookSignatureHeader), options.WebhookSignatureHeader, keys.CommercePublicKey!),
            _ => VerifyIoEvents(delivery, keys, options),
        };
    }

    private WebhookVerification VerifyIoEvents(WebhookDelivery delivery, WebhookKeys keys, AdobeCommerceOptions options)
    {
        var result = WebhookSignatureChecks.IoEvents(
            delivery.Body.Span,
            Header(delivery, AdobeWebhookHeaders.IoEventsSignature1),
            Header(delivery, AdobeWebhookHeaders.IoEventsSignature2),
            keys.IoEventsPublicKey1,
            keys.IoEventsPublicKey2);

        // The key paths say which keys Adobe used; a mismatch with ours means the configured PEMs are stale.
        _logger.LogDebug(
            "I/O Events delivery signed with keys {KeyPath1} and {KeyPath2}",
            Header(delivery, AdobeWebhookHeaders.IoEventsPublicKey1Path),
            Header(delivery, AdobeWebhookHeaders.IoEventsPublicKey2Path));
        if (!result.IsValid)
        {
            var paths = string.Join(", ", new[] { AdobeWebhookHeaders.IoEventsPublicKey1Path, AdobeWebhookHeaders.IoEventsPublicKey2Path }
                .Select(name => Header(delivery, name))
                .OfType<string>());
            return paths.Length == 0 ? result : WebhookVerification.Invalid($"{result.Failure}; sender's keys: {paths}");
        }

        if (string.IsNullOrEmpty(options.RecipientClientId))
        {
            return result;
        }

        var recipient = RecipientOf(delivery.Body);
        return string.Equals(recipient, options.RecipientClientId, StringComparison.Ordinal)
            ? result
            : WebhookVerification.Invalid($"recipient_client_id '{recipient ?? "(none)"}' is not this connector's client id");
    }

    private static string? RecipientOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return OrderWebhookEnvelope.Read(document.RootElement)?.RecipientClientId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An I/O Events registration challenge: <c>GET ?challenge=</c> (forwarded as a pseudo-header) or a POST body <c>{"challenge":"..."}</c>.</summary>
    private static string? ChallengeOf(WebhookDelivery delivery)
    {
        if (Header(delivery, AdobeWebhookHeaders.ChallengeQuery) is { Length: > 0 } query && delivery.Body.IsEmpty)
        {
            return query;
        }

        if (delivery.Body.Length is 0 or > 4096)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(delivery.Body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Count() == 1 &&
                   root.TryGetProperty("challenge", out var value) && value.ValueKind == JsonValueKind.String
                ? JsonSerializer.Serialize(new { challenge = value.GetString() })
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(WebhookDelivery delivery, string name)
    {
        if (delivery.Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        // The contract promises case-insensitive names, but a plain dictionary may reach us from a test or a host.
        foreach (var pair in delivery.Headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
