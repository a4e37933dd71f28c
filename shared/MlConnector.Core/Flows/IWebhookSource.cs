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
}

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
