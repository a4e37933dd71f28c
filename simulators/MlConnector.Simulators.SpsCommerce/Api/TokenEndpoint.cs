using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>
/// Auth0's <c>POST https://auth.spscommerce.com/oauth/token</c>: JSON (or form) body with <c>grant_type</c>,
/// <c>client_id</c>, <c>client_secret</c> and <c>audience</c>; answers <c>access_token</c>, <c>token_type</c>,
/// <c>expires_in</c>. Errors are Auth0's <c>{error, error_description}</c>.
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/oauth/token";

    public static void Map(WebApplication app) =>
        app.MapPost(Path, async (HttpRequest request, SpsCommerceSimulatorOptions options, SpsTokenIssuer issuer) =>
        {
            if (!issuer.TryAdmitRequest())
            {
                return Error(StatusCodes.Status429TooManyRequests, "too_many_requests", "Global limit has been reached");
            }

            var form = await ReadAsync(request);
            if (form is null)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: grant_type");
            }

            if (form.GetValueOrDefault("grant_type") is not { Length: > 0 } grant)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: grant_type");
            }

            if (grant != "client_credentials")
            {
                return grant is "authorization_code" or "refresh_token" or "password"
                    ? Error(StatusCodes.Status403Forbidden, "unauthorized_client", $"Grant type '{grant}' not allowed for the client.")
                    : Error(StatusCodes.Status403Forbidden, "unsupported_grant_type", "Unsupported grant type: " + grant);
            }

            if (form.GetValueOrDefault("client_id") != options.ClientId || form.GetValueOrDefault("client_secret") != options.ClientSecret)
            {
                return Error(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");
            }

            var audience = form.GetValueOrDefault("audience");
            if (string.IsNullOrEmpty(audience))
            {
                return Error(StatusCodes.Status403Forbidden, "access_denied", "No audience parameter was provided, and no default audience has been configured");
            }

            if (audience != options.Audience)
            {
                return Error(StatusCodes.Status403Forbidden, "access_denied", $"Service not enabled within domain: {audience}");
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = issuer.Issue(),
                ["token_type"] = "Bearer",
                ["expires_in"] = options.TokenLifetimeSeconds,
            });
        });

    private static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? null
                : document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
