using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Stedi.Api;

/// <summary>
/// Stedi's API key check in front of every Core API path: <c>Authorization: &lt;key&gt;</c> (or the legacy
/// <c>Key &lt;key&gt;</c>). No header is 401 <c>{"message":"Unauthorized"}</c>; an unknown key is 403
/// <c>{"message":"Forbidden"}</c> (the API-gateway answers Stedi sits behind). Pre-signed artifact links need no key.
/// </summary>
internal static class ApiGate
{
    public const string BasePath = "/2023-08-01";

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString().Trim();
        if (authorization.Length == 0)
        {
            await Errors.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var key = authorization.StartsWith("Key ", StringComparison.Ordinal) ? authorization["Key ".Length..].Trim() : authorization;
        var options = (StediSimulatorOptions)context.RequestServices.GetService(typeof(StediSimulatorOptions))!;
        if (!options.ApiKeys.Contains(key, StringComparer.Ordinal))
        {
            await Errors.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        await next();
    }
}

internal static class Errors
{
    /// <summary>Stedi's error body (OpenAPI *ExceptionResponseContent): <c>{"message": …}</c>, with a <c>code</c> where it has one.</summary>
    public static Task WriteAsync(HttpContext context, int status, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        var body = new Dictionary<string, object> { ["message"] = message };
        if (code is not null)
        {
            body["code"] = code;
        }

        return context.Response.WriteAsJsonAsync(body);
    }
}
