using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using MlConnector.OperatorConsole;
using MlConnector.Pipeline.Http;
using MlConnector.Runtime.Admin;

namespace MlConnector.Runtime.Http;

/// <summary>
/// The local runtime's HTTP listener: the same routes as the Functions app (routePrefix "api"), bound onto the
/// same shared endpoint classes: webhooks, the admin API and the operator console. Admin and console calls pass
/// <see cref="AdminGuard"/> first (the Functions app uses its own access model).
/// </summary>
public static class LocalEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/webhooks/adobe-commerce", (HttpContext context, WebhookEndpoint endpoint) =>
            ExecuteAsync(context, endpoint.HandleAsync("adobe-commerce-x3", context.Request, context.RequestAborted)));
        app.MapPost("/api/webhooks/stedi", (HttpContext context, WebhookEndpoint endpoint) =>
            ExecuteAsync(context, endpoint.HandleAsync("stedi-x3", context.Request, context.RequestAborted)));
        var admin = app.MapGroup("/api/admin").AddEndpointFilter<AdminGuard>();
        admin.MapGet("/status", (HttpContext context, AdminEndpoints endpoints) => ExecuteAsync(context, endpoints.StatusAsync(context.Request, context.RequestAborted)));
        admin.MapGet("/history", (HttpContext context, AdminEndpoints endpoints) => ExecuteAsync(context, endpoints.HistoryAsync(context.Request, context.RequestAborted)));
        admin.MapPost("/replay", (HttpContext context, AdminEndpoints endpoints) => ExecuteAsync(context, endpoints.ReplayAsync(context.Request, context.RequestAborted)));
        admin.MapPost("/reprocess", (HttpContext context, AdminEndpoints endpoints) => ExecuteAsync(context, endpoints.ReprocessAsync(context.Request, context.RequestAborted)));
        app.MapMethods("/api/console/{**path}", ["GET", "POST"], (HttpContext context, ConsoleEndpoint console) => ExecuteAsync(context, console.HandleAsync(context.Request, context.RequestAborted)))
            .AddEndpointFilter<AdminGuard>();
    }

    private static async Task ExecuteAsync(HttpContext context, Task<IActionResult> result) =>
        await (await result).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
