namespace MlConnector.Core.Flows;

/// <summary>
/// A pushed source: verifies one delivery against its raw bytes before anything parses it, then names the
/// record it carries. The intake persists the record and answers the caller at once.
/// </summary>
public interface IWebhookSource
{
    /// <summary>Largest body accepted; larger deliveries are refused before they are read whole.</summary>
    int MaxBodyBytes { get; }

    WebhookVerification Verify(WebhookDelivery delivery);

    /// <summary>Reads the record a verified delivery carries, or explains why it cannot.</summary>
    WebhookParseResult Parse(WebhookDelivery delivery);

    /// <summary>
    /// The answer for a sender that acts on it, or null for the engine's plain HTTP answer (200, or 401/413/400/503
    /// so that a retrying sender tries again). A synchronous sender such as Adobe Commerce's webhooks module fails the
    /// shopper's own action on anything but a success answer, so its source answers every outcome itself.
    /// </summary>
    WebhookReply? Reply(WebhookOutcome outcome) => null;

    /// <summary>
    /// How long the intake keeps retrying its own storage before it answers that the delivery could not be stored. Short
    /// for a sender that retries on a refusal; long for one that never sends again, so a brief storage outage costs that
    /// sender a slower answer rather than the record. Default 3 s.
    /// </summary>
    TimeSpan StoreRetryWindow => TimeSpan.FromSeconds(3);
}

/// <summary>What the intake did with one delivery; <see cref="Reason"/> says why for anything but stored or ignored.</summary>
public sealed record WebhookOutcome(WebhookOutcomeKind Kind, string? Reason = null);

public enum WebhookOutcomeKind
{
    /// <summary>Durably stored (or a repeat of a stored delivery); the pipeline takes it from there.</summary>
    Stored,

    /// <summary>Genuine, and nothing for this flow to do.</summary>
    Ignored,

    /// <summary>Larger than the source accepts; not read.</summary>
    TooLarge,

    /// <summary>The signature or credential did not verify.</summary>
    Unauthenticated,

    /// <summary>Verified, but it carries no record the source can read.</summary>
    Malformed,

    /// <summary>Could not be stored now (storage unreachable, the host stopping); nothing was kept.</summary>
    Unavailable,
}

/// <summary>An answer written as is: status, content type and body.</summary>
public sealed record WebhookReply(int StatusCode, string ContentType, string Body);

/// <param name="Headers">Request headers, case-insensitive names.</param>
public sealed record WebhookDelivery(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);

public sealed record WebhookVerification(bool IsValid, string? Failure)
{
    public static WebhookVerification Valid { get; } = new(true, null);

    public static WebhookVerification Invalid(string failure) => new(false, failure);
}

public sealed record WebhookParseResult(SourceRecord? Record, string? Error, string? ChallengeResponse = null, string? IgnoredReason = null)
{
    public static WebhookParseResult Of(SourceRecord record) => new(record, null);

    public static WebhookParseResult Malformed(string error) => new(null, error);

    /// <summary>A handshake the sender expects echoed back (Adobe I/O Events registration challenge).</summary>
    public static WebhookParseResult Challenge(string response) => new(null, null, response);

    /// <summary>
    /// A genuine delivery this flow has nothing to do with (Stedi announcing our own outbound 850, a 997): answered
    /// 200 so the sender stops retrying, logged with the reason, and not admitted as a record.
    /// </summary>
    public static WebhookParseResult Ignored(string reason) => new(null, null, null, reason);
}
