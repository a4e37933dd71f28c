namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>How the simulated store signs and sends one webhook, and what to break on purpose.</summary>
public enum WebhookSigningScheme
{
    /// <summary>HMAC-SHA256 of the raw body with a shared secret.</summary>
    Hmac,

    /// <summary>The Commerce webhooks module: RSA-SHA256 over the base64 text of the body.</summary>
    CommerceRsa,

    /// <summary>Adobe I/O Events: two RSA-SHA256 signatures over the raw body, with key path headers.</summary>
    IoEvents,
}

public sealed record WebhookSendOptions
{
    /// <summary>Shared secret for <see cref="WebhookSigningScheme.Hmac"/>.</summary>
    public string HmacSecret { get; init; } = "sim-webhook-secret";

    /// <summary>Write the HMAC digest as hex instead of base64.</summary>
    public bool HmacHex { get; init; }

    public string SignatureHeader { get; init; } = "x-adobe-commerce-webhook-signature";

    /// <summary>Webhooks-module event name; I/O Events type is <c>com.adobe.commerce.</c> + this.</summary>
    public string EventName { get; init; } = "observer.sales_order_save_after";

    /// <summary>
    /// What a webhooks-module delivery carries. Default: the saved order of an observer hook
    /// (<c>{"eventName","data":{"order"}}</c>).
    /// </summary>
    public WebhookPayload Payload { get; init; } = WebhookPayload.SavedOrder;

    /// <summary>The hook's <c>required</c> attribute (Commerce's default true): a failed required hook aborts the shopper's action.</summary>
    public bool Required { get; init; } = true;

    /// <summary>I/O Events event id; a new one per send when null.</summary>
    public string? EventId { get; init; }

    public string RecipientClientId { get; init; } = "sim-recipient-client";

    /// <summary>Sign with a key (or secret) the receiver was not configured with.</summary>
    public bool UseWrongKey { get; init; }

    /// <summary>Change the body after signing it.</summary>
    public bool TamperBody { get; init; }

    /// <summary>Leave the signature header(s) out.</summary>
    public bool OmitSignatureHeader { get; init; }

    /// <summary>I/O Events key rotation: signature 1 made with a retired key, only signature 2 valid.</summary>
    public bool OnlySecondSignatureValid { get; init; }

    /// <summary>Send the identical delivery this many times (at-least-once redelivery). Default 1.</summary>
    public int Deliveries { get; init; } = 1;

    /// <summary>How long the sender waits for the acknowledgment (Commerce hooks have a configurable timeout). Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What a webhooks-module delivery carries.</summary>
public enum WebhookPayload
{
    /// <summary>An observer hook on a saved order (<c>observer.sales_order_save_after</c> and the like): <c>{"eventName","data":{"order"}}</c>.</summary>
    SavedOrder,

    /// <summary>
    /// The <c>plugin.magento.sales.api.order_management.place</c> hook Adobe's order placement use case uses:
    /// <c>{"order"}</c>, the order before it is saved (<see cref="PlaceHookPayload"/>).
    /// </summary>
    OrderBeingPlaced,
}

/// <summary>
/// One delivery's outcome: the receiver's status (0 when it timed out), how long it took to acknowledge, its answer,
/// and whether Commerce would abort the shopper's action (checkout) because of that answer.
/// </summary>
public sealed record WebhookDeliveryResult(int StatusCode, TimeSpan Latency, string ResponseBody, bool BlocksCheckout = false);

/// <summary>The first delivery's outcome, and every delivery when a duplicate was sent.</summary>
public sealed record WebhookSendResult(int StatusCode, TimeSpan Latency, string ResponseBody, IReadOnlyList<WebhookDeliveryResult> Deliveries, byte[] SentBody)
{
    /// <summary>Whether Commerce would have aborted the checkout on the first delivery's answer.</summary>
    public bool BlocksCheckout => Deliveries.Count > 0 && Deliveries[0].BlocksCheckout;
}

/// <summary>
/// A signed delivery ready to send: the bytes on the wire (tampered if asked), its headers, how many times to send
/// it, and whether it is a synchronous hook whose failure aborts the shopper's action.
/// </summary>
public sealed record PreparedWebhook(byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, int Deliveries, TimeSpan Timeout, bool RequiredHook = false);
