using System.Text.Json;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// Reads Procurify's error bodies: DRF-style <c>{"detail": "..."}</c> or <c>{"message": "..."}</c>, field errors
/// <c>{"field": ["..."]}</c>, and the token endpoint's <c>{"error", "error_description"}</c>.
/// </summary>
internal static class ProcurifyErrors
{
    private const int MaxDetailLength = 500;

    public static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        return DetailOf(body);
    }

    public static string? DetailOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return DetailOf(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML login page, a proxy error): a short excerpt says more than nothing.
            var text = body.Trim();
            return text.Length <= 120 ? text : text[..120] + "…";
        }
    }

    private static string? DetailOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return root.ToString();
        }

        foreach (var name in new[] { "detail", "message", "error_description", "error" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return Trim(value.GetString());
            }
        }

        // Field errors: {"field": ["message", ...]}.
        var fields = root.EnumerateObject()
            .Select(property => $"{property.Name}: {FlattenMessages(property.Value)}")
            .ToList();
        return fields.Count == 0 ? null : Trim(string.Join("; ", fields));
    }

    private static string FlattenMessages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(" ", value.EnumerateArray().Select(FlattenMessages)),
        JsonValueKind.String => value.GetString() ?? string.Empty,
        _ => value.ToString(),
    };

    private static string? Trim(string? text) =>
        text is null || text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
}
