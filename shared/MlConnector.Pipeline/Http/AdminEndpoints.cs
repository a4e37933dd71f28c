using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Http;

/// <summary>
/// Operator calls over HTTP, the same in both hosts: status, a record's lineage, replay poison messages, reprocess
/// rejects. Query parameters <c>flow</c>, <c>record</c> and <c>queue</c> (map|write, or the poison queue's name) narrow replay and reprocess.
/// </summary>
public sealed class AdminEndpoints(FlowCatalog catalog, PipelineStatusReader status, PoisonReplayer replayer, RecordRecovery recovery)
{
    public async Task<IActionResult> StatusAsync(HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await status.ReadAsync(cancellationToken));

    /// <summary>A record's current state and its history, oldest first (query: flow, record).</summary>
    public async Task<IActionResult> HistoryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var flow = NullIfEmpty(request.Query["flow"].ToString());
        var record = NullIfEmpty(request.Query["record"].ToString());
        if (flow is null || record is null)
        {
            return new BadRequestObjectResult(new { error = "a record's history needs flow=<name>&record=<source key>" });
        }

        try
        {
            return await status.LineageAsync(flow, record, cancellationToken) is { } lineage
                ? new OkObjectResult(lineage)
                : new NotFoundObjectResult(new { error = $"flow {flow} has no record {record}" });
        }
        catch (UnknownFlowException ex)
        {
            return new NotFoundObjectResult(new { error = ex.Message });
        }
    }

    public async Task<IActionResult> ReplayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var queueText = request.Query["queue"].ToString();
        PipelineQueue? queue = null;
        if (!string.IsNullOrEmpty(queueText))
        {
            // Operators name the queue they look at: "write-poison" means the write stage's poison queue.
            var stage = queueText.EndsWith("-poison", StringComparison.OrdinalIgnoreCase) ? queueText[..^"-poison".Length] : queueText;
            if (!Enum.TryParse<PipelineQueue>(stage, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return new BadRequestObjectResult(new { error = $"queue must be 'map' or 'write' (or 'map-poison', 'write-poison'), not '{queueText}'" });
            }

            queue = parsed;
        }

        var flow = NullIfEmpty(request.Query["flow"].ToString());
        if (flow is not null && !catalog.All.Any(f => f.Name == flow))
        {
            return new NotFoundObjectResult(new { error = new UnknownFlowException(flow, catalog.All.Select(f => f.Name)).Message });
        }

        var result = await replayer.ReplayAsync(new ReplayFilter(flow, NullIfEmpty(request.Query["record"].ToString()), queue), cancellationToken);
        return new OkObjectResult(result);
    }

    public async Task<IActionResult> ReprocessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var flow = NullIfEmpty(request.Query["flow"].ToString());
        var record = NullIfEmpty(request.Query["record"].ToString());
        if (record is not null && flow is null)
        {
            return new BadRequestObjectResult(new { error = "reprocessing one record needs its flow: add flow=<name>" });
        }

        try
        {
            var flows = flow is null ? catalog.All.Select(f => f.Name).ToList() : [catalog.Get(flow).Name];
            var count = 0;
            foreach (var name in flows)
            {
                count += await recovery.RetryRejectedAsync(name, record, cancellationToken);
            }

            return new OkObjectResult(new { requeued = count });
        }
        catch (UnknownFlowException ex)
        {
            return new NotFoundObjectResult(new { error = ex.Message });
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
