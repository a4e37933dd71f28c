using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Records;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Sends records back through the pipeline from their rows: rejected records (on every sync of their flow, and
/// on `mlc reprocess`), and records whose intake stalled between recording and enqueueing.
/// </summary>
public sealed class RecordRecovery(RecordStore records, RecordAdmission admission, TimeProvider time, ILogger<RecordRecovery> logger)
{
    /// <summary>Requeues the flow's rejected records (or one of them) to be mapped again. Returns how many.</summary>
    public async Task<int> RetryRejectedAsync(string flow, string? recordKey, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in Select(flow, recordKey, RecordStatus.Rejected, cancellationToken))
        {
            count += await TryRequeueAsync(row, "reprocess", cancellationToken) ? 1 : 0;
        }

        if (count > 0)
        {
            logger.LogInformation("Requeued {Count} rejected records of {Flow} for mapping", count, flow);
        }

        return count;
    }

    /// <summary>
    /// Requeues these rejected records of the flow to be mapped again on an operator's request, noting who asked on
    /// each record's history. Records that are no longer rejected are left alone. Returns the keys requeued.
    /// </summary>
    public async Task<IReadOnlyList<string>> RetryRejectedAsync(string flow, IReadOnlyCollection<string> recordKeys, string actor, CancellationToken cancellationToken)
    {
        var requeued = new List<string>();
        foreach (var key in recordKeys)
        {
            if (await records.GetAsync(flow, key, cancellationToken) is { StatusValue: RecordStatus.Rejected } row)
            {
                await admission.RequeueFromRowAsync(row, "reprocess", cancellationToken, note: $"reprocess requested by {actor}");
                requeued.Add(key);
            }
        }

        if (requeued.Count > 0)
        {
            logger.LogInformation("{Actor} requeued {Count} rejected records of {Flow} for mapping", actor, requeued.Count, flow);
        }

        return requeued;
    }

    /// <summary>Requeues records left in Received longer than the in-flight window: their message was never sent.</summary>
    public async Task<int> RecoverStalledAsync(string flow, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - admission.InFlightWindow;
        var count = 0;
        await foreach (var row in records.QueryAsync(flow, RecordStatus.Received, cancellationToken))
        {
            if (row.UpdatedAt < cutoff && (row.PendingPayload is not null || row.PendingPayloadBlob is not null))
            {
                count += await TryRequeueAsync(row, "recover", cancellationToken) ? 1 : 0;
            }
        }

        if (count > 0)
        {
            logger.LogWarning("Recovered {Count} records of {Flow} whose intake stalled before enqueueing", count, flow);
        }

        return count;
    }

    /// <summary>One record that cannot be requeued (its payload is gone, its row changed meanwhile) does not hold up the rest.</summary>
    private async Task<bool> TryRequeueAsync(RecordEntity row, string stage, CancellationToken cancellationToken)
    {
        try
        {
            await admission.RequeueFromRowAsync(row, stage, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not requeue {SourceKey} of {Flow} ({Stage}): {Error}", row.SourceKey, row.Flow, stage, ex.Message);
            return false;
        }
    }

    private async IAsyncEnumerable<RecordEntity> Select(string flow, string? recordKey, RecordStatus status, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (recordKey is not null)
        {
            var row = await records.GetAsync(flow, recordKey, cancellationToken);
            if (row?.StatusValue == status)
            {
                yield return row;
            }

            yield break;
        }

        await foreach (var row in records.QueryAsync(flow, status, cancellationToken))
        {
            yield return row;
        }
    }
}
