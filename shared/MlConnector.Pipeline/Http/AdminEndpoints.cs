using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlConnector.Pipeline.Access;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Http;

/// <summary>
/// Operator calls over HTTP, the same in both hosts: status, a record's lineage, replay poison messages, reprocess
/// rejects. Query parameters <c>flow</c>, <c>record</c> and <c>queue</c> (map|write, or the poison queue's name) narrow replay and reprocess.
/// Reading needs the Reader or Operator role and changing needs Operator, checked from the caller the host
/// established (<see cref="IOperatorAccess"/>); every change is written to the operator audit with who asked.
/// </summary>
public sealed class AdminEndpoints(FlowCatalog catalog, PipelineStatusReader status, PoisonReplayer replayer, RecordRecovery recovery, IOperatorAccess access, OperatorAudit audit)
{
    public async Task<IActionResult> StatusAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AccessCheck.Refuse(access.Resolve(request), OperatorRole.Reader) ?? new OkObjectResult(await status.ReadAsync(cancellationToken));

    /// <summary>A record's current state and its history, oldest first (query: flow, record).</summary>
    public async Task<IActionResult> HistoryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (AccessCheck.Refuse(access.Resolve(request), OperatorRole.Reader) is { } refused)
        {
            return refused;
        }

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
        var caller = access.Resolve(request);
        if (AccessCheck.Refuse(caller, OperatorRole.Operator) is { } refused)
        {
            return refused;
        }

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

        var result = await replayer.ReplayAsync(new ReplayFilter(flow, NullIfEmpty(request.Query["record"].ToString()), queue) { Actor = caller.Name }, cancellationToken);
        await audit.RecordAsync(caller.Name, "replay", flow, result.Records, $"requeued {result.Total} poison message(s) through the admin API", cancellationToken);
        return new OkObjectResult(result);
    }

    public async Task<IActionResult> ReprocessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = access.Resolve(request);
        if (AccessCheck.Refuse(caller, OperatorRole.Operator) is { } refused)
        {
            return refused;
        }

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
                if (record is not null)
                {
                    var requeued = await recovery.RetryRejectedAsync(name, [record], caller.Name, cancellationToken);
                    count += requeued.Count;
                    await audit.RecordAsync(caller.Name, "reprocess", name, requeued, $"reprocess of {record} through the admin API: {requeued.Count} requeued", cancellationToken);
                    continue;
                }

                var all = await recovery.RetryRejectedAsync(name, recordKey: null, cancellationToken);
                count += all;
                if (all > 0)
                {
                    await audit.RecordAsync(caller.Name, "reprocess", name, [], $"reprocess of every rejected record through the admin API: {all} requeued", cancellationToken);
                }
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
