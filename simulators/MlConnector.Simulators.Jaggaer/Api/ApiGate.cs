using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// What J1P checks before any API view: a valid bearer token. A missing, unknown or expired token is answered 401
/// with <c>WWW-Authenticate: Bearer error="invalid_or_missing_token"</c>, as JAGGAER integrations expect.
/// </summary>
internal static class ApiGate
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        var isApi = path.StartsWith("/j1p/api/public/", StringComparison.Ordinal) ||
                    (path.StartsWith("/esop/jint/api/public/", StringComparison.Ordinal) && path != TokenEndpoints.LegacyPath);
        if (!isApi)
        {
            await next();
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var issuer = (TokenIssuer)context.RequestServices.GetService(typeof(TokenIssuer))!;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !issuer.IsValid(authorization["Bearer ".Length..].Trim()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_or_missing_token\"";
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["returnCode"] = 1, ["returnMessage"] = "Invalid or missing token" });
            return;
        }

        await next();
    }
}
