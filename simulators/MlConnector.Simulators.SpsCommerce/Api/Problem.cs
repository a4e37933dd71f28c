using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>SPS API errors: RFC 7807 <c>application/problem+json</c> with <c>requestId</c>, echoed in <c>X-Request-ID</c>.</summary>
internal static class Problem
{
    public static IResult Of(HttpContext context, int status, string title, string? detail = null, IReadOnlyList<Dictionary<string, string>>? errors = null)
    {
        var requestId = RequestId(context);
        var body = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
            ["requestId"] = requestId,
        };
        if (errors is { Count: > 0 })
        {
            body["context"] = errors;
        }

        return Results.Json(body, contentType: "application/problem+json", statusCode: status);
    }

    public static string RequestId(HttpContext context)
    {
        if (context.Items.TryGetValue("sps-request-id", out var existing) && existing is string id)
        {
            return id;
        }

        var value = context.Request.Headers["X-Request-ID"].ToString();
        value = value.Length > 0 ? value : Guid.NewGuid().ToString();
        context.Items["sps-request-id"] = value;
        context.Response.Headers["X-Request-ID"] = value;
        return value;
    }
}
