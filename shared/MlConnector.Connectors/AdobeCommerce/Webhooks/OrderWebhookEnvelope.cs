using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>
/// Finds the order inside the shapes Adobe sends: webhooks-module observer hooks (<c>{"eventName","data":{"order"}}</c>),
/// plugin hooks (<c>{"order"}</c>), I/O Events (<c>{"event_id"|"id","type","recipient_client_id","data":{"value"}}</c>),
/// or a bare order (a customer's own signing proxy).
/// </summary>
internal sealed record OrderWebhookEnvelope(JsonElement Order, string EventName, string? EventId, string? RecipientClientId)
{
    public static OrderWebhookEnvelope? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var eventId = Text(root, "event_id") ?? Text(root, "eventid") ?? (root.TryGetProperty("data", out _) ? Text(root, "id") : null);
        var recipient = Text(root, "recipient_client_id") ?? Text(root, "recipientclientid");
        var eventName = Text(root, "eventName") ?? Text(root, "type") ?? "order";

        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object)
            {
                return new(order, eventName, eventId, recipient);
            }

            if (data.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                var inner = value.TryGetProperty("order", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : value;
                return new(inner, eventName, eventId, recipient);
            }
        }

        if (root.TryGetProperty("order", out var pluginOrder) && pluginOrder.ValueKind == JsonValueKind.Object)
        {
            return new(pluginOrder, eventName, eventId, recipient);
        }

        return root.TryGetProperty("increment_id", out _) ? new(root, eventName, eventId, recipient) : null;
    }

    /// <summary>
    /// This event's identity: the I/O event id when there is one (a redelivery repeats it); otherwise the event name
    /// with the order's <c>updated_at</c> and status (a redelivery repeats them, a later change does not), or a hash
    /// of the body when the order has no <c>updated_at</c> yet (place-before hooks).
    /// </summary>
    public string Version(ReadOnlySpan<byte> body)
    {
        if (EventId is not null)
        {
            return "event:" + EventId;
        }

        var updatedAt = Text(Order, "updated_at");
        if (updatedAt is not null)
        {
            return $"{EventName}:{updatedAt}:{Text(Order, "status") ?? Text(Order, "state") ?? string.Empty}";
        }

        return $"{EventName}:sha256:{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}";
    }

    /// <summary>Commerce writes <c>updated_at</c> as "yyyy-MM-dd HH:mm:ss" in UTC.</summary>
    public DateTimeOffset? ModifiedAt() =>
        DateTimeOffset.TryParseExact(Text(Order, "updated_at"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
