using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.SageX3.Http;

namespace MlConnector.Simulators.SageX3.Auth;

/// <summary>The gateway's token API, <c>POST /v1/token</c>, with its documented error bodies.</summary>
internal static class CloudGatewayEndpoints
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapPost("/v1/token", async context =>
        {
            var form = await ReadParameters(context.Request);
            form.TryGetValue("client_id", out var clientId);
            form.TryGetValue("client_secret", out var clientSecret);
            form.TryGetValue("grant_type", out var grantType);
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret) || string.IsNullOrEmpty(grantType))
            {
                await X3Responses.Message(context, 400, "Missing required request parameters");
                return;
            }

            if (grantType is not "authorization_code" and not "refresh_token")
            {
                await X3Responses.Message(context, 400, "Invalid grant type");
                return;
            }

            if (clientId != state.Options.CloudClientId)
            {
                await X3Responses.Message(context, 404, "Not found");
                return;
            }

            if (clientSecret != state.Options.CloudClientSecret)
            {
                await X3Responses.Message(context, 401, "Unauthorised");
                return;
            }

            if (grantType == "authorization_code")
            {
                if (!form.TryGetValue("code", out var code) || string.IsNullOrEmpty(code))
                {
                    await X3Responses.Message(context, 400, "Missing required request parameters");
                    return;
                }

                var (tokens, refusal) = state.Cloud.RedeemCode(code);
                await (tokens is null ? X3Responses.Message(context, 403, refusal!) : X3Responses.Json(context, 200, tokens));
                return;
            }

            if (!form.TryGetValue("refresh_token", out var refreshToken) || string.IsNullOrEmpty(refreshToken))
            {
                await X3Responses.Message(context, 400, "Missing required request parameters");
                return;
            }

            var refreshed = state.Cloud.Refresh(refreshToken);
            await (refreshed is null ? X3Responses.Message(context, 403, "The request has expired.") : X3Responses.Json(context, 200, refreshed));
        });
    }

    /// <summary>Accepts a JSON body or a form post.</summary>
    private static async Task<Dictionary<string, string>> ReadParameters(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        try
        {
            var json = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body);
            return json is System.Text.Json.Nodes.JsonObject obj
                ? obj.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
                : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
