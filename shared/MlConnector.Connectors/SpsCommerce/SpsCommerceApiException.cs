using System.Net;
using System.Text.Json;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>SPS answered with an error. <see cref="Detail"/> is SPS's own message (problem <c>detail</c>/<c>title</c> or Auth0 <c>error_description</c>), never a credential.</summary>
public class SpsCommerceApiException : Exception
{
    public SpsCommerceApiException(string message, HttpStatusCode? statusCode, string? detail, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Detail { get; }

    /// <summary>True for answers worth retrying later (throttling, timeouts, server errors).</summary>
    public bool IsTransient => StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)StatusCode >= 500;
}

/// <summary>Auth0 refused the client id / secret / audience, or the API refused a fresh token.</summary>
public sealed class SpsCommerceAuthenticationException(string message, HttpStatusCode? statusCode, string? detail)
    : SpsCommerceApiException(message, statusCode, detail), MlConnector.Connectors.Http.ICredentialRefusal;

internal static class SpsErrors
{
    /// <summary>Reads the error text from an RFC 7807 problem, an Auth0 error, or the older <c>{"error":{"errorDescription"}}</c> shape.</summary>
    public static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Truncate(text);
            }

            string? Get(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return Get(error, "errorDescription") ?? Get(error, "error");
            }

            var detail = Get(root, "detail") ?? Get(root, "error_description") ?? Get(root, "title") ?? Get(root, "error") ?? Get(root, "message");
            var requestId = Get(root, "requestId");
            return detail is null ? Truncate(text) : requestId is null ? detail : $"{detail} (requestId {requestId})";
        }
        catch (JsonException)
        {
            return Truncate(text);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
