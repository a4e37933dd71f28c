using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Records a failed attempt on the record row before the message goes back to the queue, so the reason is
/// never lost; on the last attempt the row is marked Failed, as the host is about to move the message to poison.
/// </summary>
internal static class StageFailures
{
    public static async Task RecordAsync(
        RecordStore records, PipelineMetrics metrics, ILogger logger, string stage, PipelineMessage message, Exception error,
        long dequeueCount, int maxDequeueCount, bool ambiguous, CancellationToken cancellationToken, WriteClaim? claim = null)
    {
        var last = dequeueCount >= maxDequeueCount;
        var reason = last
            ? $"{stage} failed {dequeueCount} times, moved to the {stage} poison queue: {error.Message}"
            : $"{stage} attempt {dequeueCount} of {maxDequeueCount} failed, will retry: {error.Message}";
        metrics.Failed(message.Flow, stage);
        if (last)
        {
            metrics.Poisoned(message.Flow, stage);
            logger.LogError(error, "{Stage} of {SourceKey} failed for the last time; the message goes to poison", stage, message.SourceKey);
        }
        else
        {
            logger.LogWarning(error, "{Stage} of {SourceKey} failed (attempt {Attempt}); it will be retried", stage, message.SourceKey, dequeueCount);
        }

        RecordUpdate Failure(RecordStatus status) => new()
        {
            Stage = stage,
            Status = last ? RecordStatus.Failed : status,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = (int)dequeueCount,
            Attempts = (int)dequeueCount,
            Reason = reason,
            LastAttemptAmbiguous = ambiguous ? true : null,
        };

        try
        {
            if (claim is not null)
            {
                // A write attempt releases its claim with its outcome, so its own retry (or a newer version) need not wait for it to lapse.
                var settled = await records.SettleWriteAsync(message.Flow, message.SourceKey, Failure(RecordStatus.Mapped) with { ReleasesWriteClaim = true }, claim, claimETag: null, cancellationToken);
                if (settled.Superseded)
                {
                    logger.LogInformation("{SourceKey} version {Version} failed at {Stage}, but a newer version was admitted since; its row follows that version", message.SourceKey, message.SourceVersion, stage);
                }

                return;
            }

            var row = await records.GetAsync(message.Flow, message.SourceKey, cancellationToken);
            if (row is not null && row.SourceVersion != message.SourceVersion)
            {
                // A newer version was admitted since: noting this one's failure on the row would roll the row back to
                // it, and the newer version's messages would then be dropped as stale. The retry drops this message.
                logger.LogInformation("{SourceKey} version {Version} failed at {Stage}, but version {Current} was admitted since; its row is left as it is", message.SourceKey, message.SourceVersion, stage, row.SourceVersion);
                return;
            }

            await records.ApplyAsync(message.Flow, message.SourceKey, Failure(row?.StatusValue ?? RecordStatus.Received), ifMatch: row?.ETag, cancellationToken);
        }
        catch (RecordChangedException)
        {
            // The row moved on between the read and the write (a newer version admitted): it is left as it is.
            logger.LogInformation("{SourceKey} changed while its {Stage} failure was being noted; the newer state stands", message.SourceKey, stage);
        }
        catch (Exception recordError) when (recordError is not OperationCanceledException)
        {
            // Storage itself may be what failed; the message still returns to the queue, which keeps it safe.
            logger.LogError(recordError, "Could not record the failure of {SourceKey}", message.SourceKey);
        }
    }
}
