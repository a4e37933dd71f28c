using System.Text.Json;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>Reads a dotted path such as <c>payment.po_number</c> or <c>extension_attributes.x3_po</c> from the order JSON.</summary>
public static class OrderJsonPath
{
    public static string? ReadText(JsonElement order, string path)
    {
        var current = order;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        var text = current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
