using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Records;

namespace MlConnector.Pipeline.Http;

/// <summary>
/// Receives a webhook delivery in either host: reads the raw body (with a size limit), verifies the signature
/// before anything parses it, refuses with a 400 and the reason a body that is not UTF-8, cannot be read or names a
/// record key no table can hold, stores the record durably in the webhook inbox (one write shared with concurrent
/// deliveries; a storage failure is retried for as long as the sender can wait), and answers 200; the record enters the pipeline right after, where a repeated delivery of the same
/// event is dropped.
/// </summary>
public sealed class WebhookEndpoint(FlowCatalog catalog, WebhookIntake intake, RefusalAudit audit, ILogger<WebhookEndpoint> logger)
{
    public async Task<IActionResult> HandleAsync(string flowName, HttpRequest request, CancellationToken cancellationToken)
    {
        IWebhookSource source;
        try
        {
            source = catalog.Parts(flowName).Webhook;
        }
        catch (Exception ex) when (ex is UnknownFlowException or InvalidOperationException)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (request.ContentLength > source.MaxBodyBytes)
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.TooLarge, $"body of {request.ContentLength} bytes exceeds the {source.MaxBodyBytes}-byte limit", headers, cancellationToken);
        }

        var body = await ReadBodyAsync(request, source.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.TooLarge, $"body exceeds the {source.MaxBodyBytes}-byte limit", headers, cancellationToken);
        }

        var delivery = new WebhookDelivery(headers, body);
        var verification = source.Verify(delivery);
        if (!verification.IsValid)
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.Unauthenticated, verification.Failure ?? "signature check failed", headers, cancellationToken);
        }

        // JSON is UTF-8 (RFC 8259): a body that is not would be read with replacement characters and written as such.
        if (!Utf8.IsValid(body))
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.Malformed, "the body is not valid UTF-8 text", headers, cancellationToken);
        }

        WebhookParseResult parsed;
        try
        {
            parsed = source.Parse(delivery);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An authenticated sender with a shape the parser did not expect gets the reason, never an empty 500.
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.Malformed, $"the delivery could not be read ({ex.GetType().Name}: {ex.Message})", headers, cancellationToken);
        }

        if (parsed.ChallengeResponse is { } challenge)
        {
            return new ContentResult { StatusCode = StatusCodes.Status200OK, Content = challenge, ContentType = "text/plain" };
        }

        if (parsed.IgnoredReason is { } ignored)
        {
            logger.LogInformation("Webhook for {Flow} acknowledged and not admitted: {Reason}", flowName, ignored);
            return Answer(source, new WebhookOutcome(WebhookOutcomeKind.Ignored, ignored), new OkObjectResult(new { op = "ignored" }));
        }

        if (parsed.Record is not { } record)
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.Malformed, parsed.Error ?? "the delivery carries no record", headers, cancellationToken);
        }

        if (RecordKeys.KeyProblem(record.Key) is { } keyProblem)
        {
            return await RefuseAsync(source, flowName, WebhookOutcomeKind.Malformed, keyProblem, headers, cancellationToken);
        }

        try
        {
            await StoreAsync(source, flowName, record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was stored: a 503 makes the sender retry instead of believing the delivery landed.
            logger.LogError(ex, "Could not store a webhook delivery for {Flow} (record {SourceKey}); nothing was kept", flowName, record.Key);
            return Answer(source, new WebhookOutcome(WebhookOutcomeKind.Unavailable, $"record {record.Key} could not be stored ({ex.GetType().Name})"),
                Problem(StatusCodes.Status503ServiceUnavailable, "the delivery could not be stored; retry it"));
        }

        logger.LogInformation("Webhook for {Flow}: record {SourceKey} version {Version} stored", flowName, record.Key, record.Version);
        return Answer(source, new WebhookOutcome(WebhookOutcomeKind.Stored), new OkObjectResult(new { op = "success" }));
    }

    /// <summary>Stores the delivery, retrying a storage failure within the sender's <see cref="IWebhookSource.StoreRetryWindow"/>.</summary>
    private async Task StoreAsync(IWebhookSource source, string flowName, SourceRecord record, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var delay = FirstStoreRetryDelay;
        while (true)
        {
            try
            {
                await intake.AcceptAsync(flowName, record, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && clock.Elapsed + delay < source.StoreRetryWindow)
            {
                logger.LogWarning("Could not store a webhook delivery for {Flow} (record {SourceKey}) yet; retrying in {Delay} ms: {Error}", flowName, record.Key, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = delay * 2 < MaxStoreRetryDelay ? delay * 2 : MaxStoreRetryDelay;
            }
        }
    }

    private static readonly TimeSpan FirstStoreRetryDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MaxStoreRetryDelay = TimeSpan.FromSeconds(2);

    private async Task<IActionResult> RefuseAsync(IWebhookSource source, string flow, WebhookOutcomeKind kind, string reason, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        logger.LogWarning("Refused a webhook delivery for {Flow}: {Reason}", flow, reason);
        try
        {
            await audit.RecordAsync(flow, reason, headers.Keys, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The refusal is in the log above; the sender still gets its answer.
            logger.LogError(ex, "Could not record the refusal of a webhook delivery for {Flow}", flow);
        }

        var status = kind switch
        {
            WebhookOutcomeKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            WebhookOutcomeKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status400BadRequest,
        };
        return Answer(source, new WebhookOutcome(kind, reason), Problem(status, reason));
    }

    /// <summary>The source's own answer where its sender acts on the answer (see <see cref="IWebhookSource.Reply"/>), else the plain one.</summary>
    private static IActionResult Answer(IWebhookSource source, WebhookOutcome outcome, IActionResult plain) =>
        source.Reply(outcome) is { } reply
            ? new ContentResult { StatusCode = reply.StatusCode, ContentType = reply.ContentType, Content = reply.Body }
            : plain;

    /// <summary>Reads at most <paramref name="limit"/> bytes asynchronously (the worker forbids synchronous reads); null if there are more.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ObjectResult Problem(int status, string detail) =>
        new(new ProblemDetails { Status = status, Title = ReasonPhrases(status), Detail = detail }) { StatusCode = status };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
