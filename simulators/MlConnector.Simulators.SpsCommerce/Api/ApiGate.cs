using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>
/// Every <c>/transactions/</c> call needs <c>Authorization: Bearer</c> with a live token: otherwise 401 problem+json
/// ("missing, invalid or expired"), as the SPS API standards describe. Each answer carries <c>X-Request-ID</c>.
/// </summary>
internal static class ApiGate
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith("/transactions/", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        Problem.RequestId(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        var issuer = (SpsTokenIssuer)context.RequestServices.GetService(typeof(SpsTokenIssuer))!;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !issuer.IsValid(authorization["Bearer ".Length..].Trim()))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Problem.Of(context, StatusCodes.Status401Unauthorized, "Unauthorized", "The access token is missing, invalid or expired.").ExecuteAsync(context);
            return;
        }

        await next();
    }
}
