using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Core.Flows;
using MlConnector.Simulators.Common;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>
/// A tiny loopback endpoint standing in for the intake: it hands the raw bytes and headers the simulator's sender
/// really produced to <see cref="IWebhookSource.Verify"/>, then Parse, and answers as the engine's endpoint does:
/// the source's own <see cref="IWebhookSource.Reply"/> where it has one, else the plain status.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly SimulatorServer _server;

    private WebhookReceiver(SimulatorServer server) => _server = server;

    public Uri Url => new(_server.BaseAddress, "hook");

    public ConcurrentQueue<(WebhookVerification Verification, WebhookParseResult? Parsed)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(IWebhookSource source)
    {
        WebhookReceiver? receiver = null;
        var server = await SimulatorServer.StartAsync("receiver", _ => { }, app =>
        {
            app.MapPost("/hook", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var delivery = new WebhookDelivery(Headers(context.Request), buffer.ToArray());
                return Handle(receiver!, source, delivery);
            });
            app.MapGet("/hook", (HttpContext context) =>
            {
                var headers = Headers(context.Request);
                headers["challenge"] = context.Request.Query["challenge"].ToString();
                return Handle(receiver!, source, new WebhookDelivery(headers, ReadOnlyMemory<byte>.Empty));
            });
        });
        receiver = new WebhookReceiver(server);
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Dictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static IResult Handle(WebhookReceiver receiver, IWebhookSource source, WebhookDelivery delivery)
    {
        var verification = source.Verify(delivery);
        if (!verification.IsValid)
        {
            receiver.Received.Enqueue((verification, null));
            return Answer(source, new WebhookOutcome(WebhookOutcomeKind.Unauthenticated, verification.Failure), Results.Problem(verification.Failure, statusCode: 401));
        }

        var parsed = source.Parse(delivery);
        receiver.Received.Enqueue((verification, parsed));
        if (parsed.ChallengeResponse is { } challenge)
        {
            return Results.Text(challenge);
        }

        return parsed.Record is null
            ? Answer(source, new WebhookOutcome(WebhookOutcomeKind.Malformed, parsed.Error), Results.Problem(parsed.Error, statusCode: 400))
            : Answer(source, new WebhookOutcome(WebhookOutcomeKind.Stored), Results.Json(new { op = "success" }));
    }

    private static IResult Answer(IWebhookSource source, WebhookOutcome outcome, IResult plain) =>
        source.Reply(outcome) is { } reply ? Results.Content(reply.Body, reply.ContentType, statusCode: reply.StatusCode) : plain;
}
