using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Logging;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// The host's public HTTP side for HTTP triggers: matches <c>{routePrefix}/{route}</c> (a route template) and the method, enforces the
/// function's auth level (a function key for <c>Function</c>), forwards the request to the worker's HttpUri with the
/// <c>x-ms-invocation-id</c> header, and sends the InvocationRequest (an empty RpcHttp, as the host does when proxying).
/// A failed invocation becomes a 500 whatever the worker wrote to the proxied response.
/// </summary>
/// <remarks>
/// Azure/azure-functions-host src/WebJobs.Script/Http/DefaultHttpProxyService.cs (forwarding, correlation header),
/// src/WebJobs.Script.Grpc/MessageExtensions/GrpcMessageConversionExtensions.cs (empty RpcHttp when proxying);
/// the header name: Azure/azure-functions-dotnet-worker extensions/Worker.Extensions.Http.AspNetCore/src/Constants.cs.
/// </remarks>
public sealed class HostFrontDoor : IAsyncDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";
    private static readonly string[] HopByHopHeaders = ["Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host"];

    private readonly WebApplication _app;
    private readonly HttpClient _toWorker = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(90) };
    private readonly ConcurrentQueue<ProxiedCall> _calls = new();

    private HostFrontDoor(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyCollection<ProxiedCall> Calls => _calls;

    public static async Task<HostFrontDoor> StartAsync(FunctionsTestHost host, Uri workerHttpUri, string routePrefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var door = new HostFrontDoor(app);
        app.Run(context => door.HandleAsync(context, host, workerHttpUri, routePrefix));
        await app.StartAsync();
        door.Address = new Uri(app.Urls.Single() + "/");
        return door;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _toWorker.Dispose();
    }

    private async Task HandleAsync(HttpContext context, FunctionsTestHost host, Uri workerHttpUri, string routePrefix)
    {
        var path = context.Request.Path.Value?.Trim('/') ?? string.Empty;
        var function = host.Functions.Values.FirstOrDefault(f =>
            f.TriggerType.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase) &&
            RouteMatches($"{routePrefix}/{f.Property("route") ?? f.Name}", path) &&
            f.Methods.Contains(context.Request.Method.ToUpperInvariant()));
        if (function is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (string.Equals(function.Property("authLevel"), "Function", StringComparison.OrdinalIgnoreCase) && !HasFunctionKey(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var invocationId = Guid.NewGuid().ToString();
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(workerHttpUri, context.Request.Path + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var (name, values) in context.Request.Headers.Where(h => !HopByHopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        forward.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        forward.Headers.TryAddWithoutValidation("X-Forwarded-Proto", context.Request.Scheme);
        forward.Headers.TryAddWithoutValidation("X-Forwarded-Host", context.Request.Host.Value);

        // Forwarding starts before the invocation request goes out, as in the host.
        var proxied = _toWorker.SendAsync(forward, HttpCompletionOption.ResponseContentRead);
        var invocation = host.InvokeAsync(function.Name, [new ParameterBinding { Name = function.TriggerParameter, Data = new TypedData { Http = new RpcHttp() } }], invocationId: invocationId);
        using var response = await proxied;
        var answer = await invocation;
        var content = await response.Content.ReadAsByteArrayAsync();
        _calls.Enqueue(new ProxiedCall(function.Name, context.Request.Method, path, (int)response.StatusCode, content, answer));

        if (answer.Result.Status != StatusResult.Types.Status.Success)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await context.Response.Body.WriteAsync(content);
    }

    /// <summary>Route templates as the host reads them (ASP.NET Core templates: parameters and catch-all <c>{*path}</c>).</summary>
    private static bool RouteMatches(string template, string path) =>
        new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch("/" + path, new RouteValueDictionary());

    private static bool HasFunctionKey(HttpRequest request) =>
        request.Headers["x-functions-key"] == FunctionsTestHost.FunctionKey || request.Query["code"] == FunctionsTestHost.FunctionKey;
}

/// <summary>One HTTP call the front door forwarded: what the worker answered over HTTP and over gRPC.</summary>
public sealed record ProxiedCall(string Function, string Method, string Path, int WorkerStatusCode, byte[] WorkerBody, InvocationResponse Invocation);
