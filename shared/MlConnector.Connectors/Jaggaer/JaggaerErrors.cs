using System.Text.Json;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Reads JAGGAER's error bodies: the J1P envelope's <c>returnMessage</c>, Keycloak's <c>error</c> /
/// <c>error_description</c>, or a short excerpt of anything else (an HTML page from a proxy).
/// </summary>
internal static class JaggaerErrors
{
    private const int MaxDetailLength = 500;

    public static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return DetailOf(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
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
            var root = document.RootElement;
            foreach (var name in new[] { "returnMessage", "error_description", "message", "error" })
            {
                if (root.Text(name) is { } text)
                {
                    return Trim(text);
                }
            }

            return Trim(root.GetRawText());
        }
        catch (JsonException)
        {
            var text = body.Trim();
            return text.Length <= 120 ? text : text[..120] + "…";
        }
    }

    private static string Trim(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
}
