using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MlConnector.Runtime.Admin;

/// <summary>Stands in front of every admin endpoint: a caller <see cref="AdminAccess"/> does not allow gets a 401 saying what to send.</summary>
public sealed class AdminGuard(AdminAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (access.Allows(context.HttpContext))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"mlc-admin\"";
        return Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Detail = "The admin endpoints of a runtime listening beyond this machine need the admin token: send 'Authorization: Bearer <token>' (mlc admin token prints it).",
        });
    }
}
