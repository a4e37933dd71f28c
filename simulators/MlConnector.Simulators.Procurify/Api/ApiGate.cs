using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>
/// What Procurify checks before any API view: the tenant host, the trailing slash (Django redirects a bare
/// GET path with 301, which makes clients drop the Authorization header), the bearer token and the
/// <c>X-Procurify-Client: api</c> header.
/// </summary>
internal static class ApiGate
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetService(typeof(ProcurifySimulatorOptions)) as ProcurifySimulatorOptions
            ?? throw new InvalidOperationException("Simulator options are not registered.");
        var host = context.Request.Host.Host;
        if (host.EndsWith(".procurify.com", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(host, $"{options.Domain}.procurify.com", StringComparison.OrdinalIgnoreCase))
        {
            await Detail(context, StatusCodes.Status404NotFound, "Not found.");
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        if (!path.EndsWith('/'))
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = path + "/" + context.Request.QueryString.Value;
            }
            else
            {
                await Detail(context, StatusCodes.Status404NotFound, "Not found.");
            }

            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await Detail(context, StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.");
            return;
        }

        var issuer = (TokenIssuer)context.RequestServices.GetService(typeof(TokenIssuer))!;
        if (!issuer.IsValid(authorization["Bearer ".Length..].Trim()))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
            await Detail(context, StatusCodes.Status401Unauthorized, "Invalid token.");
            return;
        }

        if (!string.Equals(context.Request.Headers["X-Procurify-Client"].ToString(), "api", StringComparison.Ordinal))
        {
            await Detail(context, StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");
            return;
        }

        await next();
    }

    public static Task Detail(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["detail"] = detail });
    }
}
