using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// Both token styles J1P clients meet: Keycloak's <c>POST /auth/realms/{realm}/protocol/openid-connect/token</c>
/// (form post, standard <c>access_token</c>/<c>expires_in</c> answer, <c>invalid_client</c> on bad credentials), and
/// the JAGGAER Advanced legacy <c>POST /esop/jint/api/public/v1/tokens</c> (form post, <c>token</c>/<c>expire_in</c>).
/// </summary>
internal static class TokenEndpoints
{
    public const string LegacyPath = "/esop/jint/api/public/v1/tokens";

    public static void Map(WebApplication app)
    {
        app.MapPost("/auth/realms/{realm}/protocol/openid-connect/token", async (string realm, HttpRequest request, JaggaerSimulatorOptions options, TokenIssuer issuer) =>
        {
            if (!string.Equals(realm, options.Realm, StringComparison.Ordinal))
            {
                return Results.Json(new Dictionary<string, string> { ["error"] = "Realm does not exist" }, statusCode: StatusCodes.Status404NotFound);
            }

            if (await ReadCredentialsAsync(request) is not { } form)
            {
                return KeycloakError(StatusCodes.Status400BadRequest, "invalid_request", "The request must be application/x-www-form-urlencoded.");
            }

            if (form.GrantType != "client_credentials")
            {
                return KeycloakError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Unsupported grant_type");
            }

            if (form.ClientId != options.ClientId || form.ClientSecret != options.ClientSecret)
            {
                return KeycloakError(StatusCodes.Status401Unauthorized, "invalid_client", "Invalid client or Invalid client credentials");
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = issuer.Issue(),
                ["expires_in"] = options.TokenLifetimeSeconds,
                ["refresh_expires_in"] = 0,
                ["token_type"] = "Bearer",
                ["not-before-policy"] = 0,
                ["scope"] = "profile email",
            });
        });

        app.MapPost(LegacyPath, async (HttpRequest request, JaggaerSimulatorOptions options, TokenIssuer issuer) =>
        {
            var form = await ReadCredentialsAsync(request);
            if (form is null || form.GrantType != "client_credentials" || form.ClientId != options.ClientId || form.ClientSecret != options.ClientSecret)
            {
                return Results.Json(new Dictionary<string, object> { ["returnCode"] = 1, ["returnMessage"] = "Invalid client credentials" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["token"] = issuer.Issue(),
                ["resource"] = "jint",
                ["token_type"] = "Bearer",
                ["expire_on"] = options.Time.GetUtcNow().AddSeconds(options.TokenLifetimeSeconds).ToUnixTimeMilliseconds(),
                ["expire_in"] = options.TokenLifetimeSeconds,
            });
        });
    }

    private static async Task<Credentials?> ReadCredentialsAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return new Credentials(form["client_id"].ToString(), form["client_secret"].ToString(), form["grant_type"].ToString());
    }

    private static IResult KeycloakError(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private sealed record Credentials(string ClientId, string ClientSecret, string GrantType);
}
