using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Waits out a busy target (<see cref="TargetBusyException"/>: 429 or 503 with Retry-After, or an open circuit breaker)
/// without spending delivery attempts: a copy of the envelope goes back on its queue, hidden until the target's retry
/// time plus a little jitter (so a deferred burst does not return all at once), and the delivery at hand ends as
/// handled. The copy starts with a fresh dequeue count. Both hosts get this from the stages themselves. After
/// <see cref="PipelineOptions.MaxDeferralMinutes"/> of deferring, failures count towards poison again.
/// </summary>
public sealed class MessageDeferral(
    PipelineStorage storage,
    MessageCodec codec,
    RecordStore records,
    IOptions<PipelineOptions> options,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<MessageDeferral> logger)
{
    /// <summary>Never shorter than this: a busy target answering "0 s" is not asked again in a tight loop.</summary>
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    /// <summary>Queue messages can be hidden for at most seven days.</summary>
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromDays(6);

    /// <summary>Defers the message if <paramref name="error"/> says the target is busy. False: handle the failure as usual.</summary>
    /// <param name="keptStatus">The record's status while it waits (Received before mapping, Mapped before writing).</param>
    /// <param name="deferStorageOutage">
    /// Also wait out our own storage being unreachable (<see cref="StorageOutage"/>). Only for a stage with no effect
    /// outside: a write may have reached the target before storage failed, and its retry must count as a retry.
    /// </param>
    public async Task<bool> TryDeferAsync(PipelineQueue queue, PipelineMessage message, Exception error, string stage, RecordStatus keptStatus, CancellationToken cancellationToken, bool deferStorageOutage = false)
    {
        var busy = TargetBusyException.Find(error);
        var outage = busy is null && deferStorageOutage ? StorageOutage.Find(error) : null;
        if (busy is null && outage is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var since = message.DeferredSince ?? now;
        if (now - since > TimeSpan.FromMinutes(options.Value.MaxDeferralMinutes))
        {
            logger.LogWarning("{SourceKey} has waited for a busy target since {Since:O}; its failures count towards poison again", message.SourceKey, since);
            return false;
        }

        var delay = Delay(busy?.RetryAfter ?? StorageOutage.RetryAfter);
        var copy = message with { DeferredSince = since, Deferrals = message.Deferrals + 1 };
        await storage.QueueFor(queue).SendMessageAsync(
            await codec.EncodeAsync(copy, cancellationToken), visibilityTimeout: delay, timeToLive: QueueSending.NoExpiry, cancellationToken: cancellationToken);
        var cause = busy?.Message ?? $"storage is unreachable ({outage!.Message})";
        var reason = $"deferred {delay.TotalSeconds:F0} s without spending an attempt: {cause}";
        try
        {
            await records.AppendHistoryAsync(message.Flow, message.SourceKey,
                new HistoryEntry(stage, keptStatus.ToString(), message.SourceVersion, message.Attempt, null, reason, message.CorrelationId, now), cancellationToken, stillInFlight: true);
        }
        catch (Exception historyError) when (historyError is not OperationCanceledException)
        {
            // The copy is queued: the deferral stands even if its note is missing.
            logger.LogWarning("Could not note the deferral of {SourceKey}: {Error}", message.SourceKey, historyError.Message);
        }

        metrics.Deferred(message.Flow, stage);
        logger.LogInformation("{Stage} of {SourceKey} {Reason}", stage, message.SourceKey, reason);
        return true;
    }

    private static TimeSpan Delay(TimeSpan retryAfter)
    {
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000) + (retryAfter.TotalMilliseconds * Random.Shared.NextDouble() * 0.2));
        var delay = retryAfter + jitter;
        return delay < MinimumDelay ? MinimumDelay : delay > MaximumDelay ? MaximumDelay : delay;
    }
}
