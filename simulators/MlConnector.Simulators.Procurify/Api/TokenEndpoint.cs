using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary><c>POST /oauth/token</c>: client credentials as JSON with the audience; 24-h bearer tokens.</summary>
internal static class TokenEndpoint
{
    public static void Map(WebApplication app) => app.MapPost("/oauth/token", async (HttpRequest request, ProcurifySimulatorOptions options, TokenIssuer issuer) =>
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The request body must be JSON.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The request body must be a JSON object.");
        }

        if (Field(body, "grant_type") != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported for API clients.");
        }

        if (Field(body, "client_id") != options.ClientId || Field(body, "client_secret") != options.ClientSecret)
        {
            return Error(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");
        }

        if (Field(body, "audience") != options.Audience)
        {
            return Error(StatusCodes.Status403Forbidden, "access_denied", $"Service not found: {Field(body, "audience")}");
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = issuer.Issue(),
            ["scope"] = $"urn:procurify-api:domain:{options.Domain} urn:procurify-api:email:api@{options.Domain}.example",
            ["expires_in"] = options.TokenLifetimeSeconds,
            ["token_type"] = "Bearer",
        });
    });

    private static string? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
