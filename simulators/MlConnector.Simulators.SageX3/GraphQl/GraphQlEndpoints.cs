using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.SageX3.Auth;
using MlConnector.Simulators.SageX3.Http;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>
/// <c>POST /xtrem/api</c> (on-premise, connected-app JWT + <c>x-xtrem-endpoint</c>) and
/// <c>POST /v1/graphql</c> (cloud gateway, 5-minute access tokens; 401 <c>{"message":"Unauthorised"}</c>).
/// </summary>
internal static class GraphQlEndpoints
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapPost("/xtrem/api", async context =>
        {
            if (ConnectedAppAuthentication.Reject(context.Request, state.Options) is { } reason)
            {
                await X3Responses.Message(context, 401, $"Unauthorised: {reason}");
                return;
            }

            await Answer(context, state, context.Request.Headers["x-xtrem-endpoint"].ToString());
        });

        app.MapPost("/v1/graphql", async context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !state.Cloud.IsAccessTokenValid(header[7..].Trim()))
            {
                await X3Responses.Message(context, 401, "Unauthorised");
                return;
            }

            var endpoint = context.Request.Headers["x-xtrem-endpoint"].ToString();
            await Answer(context, state, endpoint.Length == 0 ? state.Options.Folders[0] : endpoint);
        });
    }

    private static async Task Answer(HttpContext context, SimulatorState state, string endpoint)
    {
        if (!state.Folders.TryGetValue(endpoint, out var folder))
        {
            await X3Responses.GraphQlError(context, 400, $"Endpoint '{endpoint}' does not exist (x-xtrem-endpoint).");
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var (status, body) = await state.GraphQl.ExecuteAsync(await reader.ReadToEndAsync(context.RequestAborted), folder, context.RequestAborted);
        await X3Responses.Json(context, status, body);
    }
}
