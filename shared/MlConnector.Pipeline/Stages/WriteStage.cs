using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The write stage: checks the record row (a version already written is a duplicate delivery), calls the
/// target sink, and records the target id. A busy target (429/503 with Retry-After, an open breaker) defers the
/// message without spending an attempt; other transient failures throw for the queue to retry; a permanent
/// refusal is recorded with the target's message and sent to poison at once, without useless retries. Each attempt holds
/// the record's <see cref="WriteClaim"/> while it calls the target, and waits if another attempt holds it. The map stage
/// also writes through here on a record's first pass (<see cref="WriteOnTheWayAsync"/>).
/// </summary>
public sealed class WriteStage(
    FlowCatalog catalog,
    PipelineStorage storage,
    RecordStore records,
    MessageCodec codec,
    PoisonQueueWriter poison,
    WriteConcurrencyGate gate,
    MessageDeferral deferral,
    QueueRules rules,
    PipelineMetrics metrics,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<WriteStage> logger)
{
    private const string StageName = "write";

    public async Task HandleAsync(BinaryData body, long dequeueCount, CancellationToken cancellationToken)
    {
        if (await StageMessages.OpenOrPoisonAsync(body, PipelineQueue.Write, catalog, poison, logger, cancellationToken) is not { } opened)
        {
            return;
        }

        var (message, parts) = opened;
        using var scope = StageLog.BeginScope(logger, message);
        using var trace = RecordTrace.StartStage(StageName, message);
        var row = await records.GetAsync(message.Flow, message.SourceKey, cancellationToken);
        if (row is not null && row.WrittenVersion == message.SourceVersion)
        {
            logger.LogInformation("{SourceKey} version {Version} is already written to {TargetId}; duplicate delivery dropped", message.SourceKey, message.SourceVersion, row.TargetId);
            return;
        }

        if (row is not null && row.SourceVersion != message.SourceVersion)
        {
            logger.LogInformation("Dropped a stale write of {SourceKey} version {Version}: version {Current} superseded it", message.SourceKey, message.SourceVersion, row.SourceVersion);
            return;
        }

        var now = time.GetUtcNow();
        if (row is not null && row.HeldByAnother(now))
        {
            await WaitForClaimAsync(message, $"another attempt (version {row.WritingVersion}) is writing this record", row.WritingUntil!.Value - now, cancellationToken);
            return;
        }

        var claim = WriteClaim.Take(message.SourceVersion, now, options.Value.WriteClaimDuration);
        ETag? claimETag = null;
        if (row is not null)
        {
            try
            {
                claimETag = await records.ClaimWriteAsync(message.Flow, message.SourceKey, claim, row.ETag, cancellationToken);
            }
            catch (RecordChangedException)
            {
                await WaitForClaimAsync(message, "the record changed while this attempt claimed it", TimeSpan.Zero, cancellationToken);
                return;
            }
        }

        try
        {
            var ambiguous = row?.LastAttemptAmbiguous == true || row?.LeftUnreleased() == true || dequeueCount > 1 || message.MayHaveReachedTarget;
            await WriteAsync(message, parts, row?.TargetId, ambiguous, (int)dequeueCount, claim, claimETag, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Given up mid-call as the host stops: the target may have applied it, so whoever writes it next looks first.
            await MarkAmbiguousAsync(message, dequeueCount, claim);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (await DeferOrRefuseAsync(body, message, parts, ex, dequeueCount, claim, trace, cancellationToken))
            {
                return;
            }

            // Anything else may have reached the target before failing (a timeout, a dropped connection):
            // the next attempt tells the sink to look for its earlier write before creating again.
            trace.Fail(ex);
            await StageFailures.RecordAsync(records, metrics, logger, StageName, message, ex, dequeueCount, rules.MaxDequeueCount, MayHaveBeenApplied(ex), cancellationToken, claim);
            throw;
        }
    }

    /// <summary>
    /// The straight-through write (<see cref="PipelineOptions.StraightThroughWrites"/>): the map stage calls this right after
    /// its Mapped update matched the ETag the intake left, which proves no other delivery of this version got there first,
    /// so the row read of <see cref="HandleAsync"/> is not needed: the message carries the target id and the ambiguity the
    /// intake saw. A busy target or a refusal is handled as on the write queue; any other failure hands the record to the
    /// write queue, which gives it its full retries.
    /// </summary>
    public async Task WriteOnTheWayAsync(PipelineMessage message, FlowParts parts, WriteClaim claim, ETag claimETag, CancellationToken cancellationToken)
    {
        using var trace = RecordTrace.StartStage(StageName, message);
        try
        {
            await WriteAsync(message, parts, message.KnownTargetId, message.MayHaveReachedTarget, attempt: 1, claim, claimETag, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await MarkAmbiguousAsync(message, dequeueCount: 1, claim);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (await DeferOrRefuseAsync(body: null, message, parts, ex, dequeueCount: 1, claim, trace, cancellationToken))
            {
                return;
            }

            trace.Fail(ex);
            await HandOverAsync(message, ex, claim, cancellationToken);
        }
    }

    private async Task WriteAsync(PipelineMessage message, FlowParts parts, string? existingTargetId, bool previousAttemptAmbiguous, int attempt, WriteClaim claim, ETag? claimETag, CancellationToken cancellationToken)
    {
        var document = CanonicalJson.FromElement<TargetDocument>(await codec.ReadPayloadAsync(message, cancellationToken));
        var request = new WriteRequest(
            message.Flow,
            message.SourceKey,
            message.SourceVersion,
            existingTargetId,
            previousAttemptAmbiguous,
            IdempotencyKey(message),
            document);
        var result = await gate.RunAsync(message.Flow, () => CallWithinClaimAsync(claim, ct => parts.Sink.WriteAsync(request, ct), cancellationToken), cancellationToken);
        var settled = await records.SettleWriteAsync(message.Flow, message.SourceKey, new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Written,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = attempt,
            Attempts = attempt,
            TargetId = result.TargetId,
            WrittenVersion = message.SourceVersion,
            Reason = string.Empty,
            LastAttemptAmbiguous = false,
            ReleasesWriteClaim = true,
        }, claim, claimETag, cancellationToken);
        await codec.ReleasePayloadAsync(message, cancellationToken);
        metrics.Written(message.Flow);
        if (settled.Superseded)
        {
            logger.LogInformation("Wrote {SourceKey} version {Version} to {TargetId} ({Action}); a newer version admitted meanwhile follows", message.SourceKey, message.SourceVersion, result.TargetId, result.Action);
        }
        else
        {
            logger.LogInformation("Wrote {SourceKey} to {TargetId} ({Action})", message.SourceKey, result.TargetId, result.Action);
        }
    }

    /// <summary>
    /// Runs the target call, cut off before the claim lapses: after that another attempt may write the record, and this
    /// call must not land behind it. Cut off, it is an ambiguous failure like a timeout (the next attempt looks first).
    /// </summary>
    private async Task<WriteResult> CallWithinClaimAsync(WriteClaim claim, Func<CancellationToken, Task<WriteResult>> call, CancellationToken cancellationToken)
    {
        var budget = claim.CallBudget(time.GetUtcNow());
        using var withinClaim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinClaim.CancelAfter(budget);
        try
        {
            return await call(withinClaim.Token);
        }
        catch (OperationCanceledException ex) when (withinClaim.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the target call was cut off after {budget.TotalSeconds:F0} s, before the record's write claim lapses (Pipeline__WriteClaimSeconds)", ex);
        }
    }

    /// <summary>
    /// Another attempt holds the record's write claim (or took it as this one tried): this message waits on the write
    /// queue without spending an attempt, and comes back when the claim is released or has lapsed.
    /// </summary>
    private async Task WaitForClaimAsync(PipelineMessage message, string why, TimeSpan claimLeft, CancellationToken cancellationToken)
    {
        var wait = claimLeft < MaxClaimWait ? claimLeft : MaxClaimWait;
        var busy = new TargetBusyException($"{why}; one write of a record at a time", wait);
        if (!await deferral.TryDeferAsync(PipelineQueue.Write, message, busy, StageName, RecordStatus.Mapped, cancellationToken))
        {
            throw new InvalidOperationException($"{message.SourceKey} has waited for its write claim longer than Pipeline__MaxDeferralMinutes allows", busy);
        }
    }

    /// <summary>Longest single wait for a claim: a released claim is seen within this, a lapsing one when it lapses.</summary>
    private static readonly TimeSpan MaxClaimWait = TimeSpan.FromSeconds(5);

    /// <summary>A busy target defers the message on the write queue; a permanent refusal fails the record at once. False: neither.</summary>
    private async Task<bool> DeferOrRefuseAsync(BinaryData? body, PipelineMessage message, FlowParts parts, Exception ex, long dequeueCount, WriteClaim claim, System.Diagnostics.Activity? trace, CancellationToken cancellationToken)
    {
        if (await deferral.TryDeferAsync(PipelineQueue.Write, message, ex, StageName, RecordStatus.Mapped, cancellationToken))
        {
            await ReleaseForDeferralAsync(message, claim);
            return true;
        }

        if (ex is not TargetWriteException { IsTransient: false } refused)
        {
            return false;
        }

        trace.Fail(refused);
        await RefuseAsync(body ?? await codec.EncodeAsync(message, cancellationToken), message, parts, dequeueCount, refused, claim, cancellationToken);
        return true;
    }

    /// <summary>A deferred write gives up its claim, so its own copy (or a newer version) need not wait for it to lapse.</summary>
    private async Task ReleaseForDeferralAsync(PipelineMessage message, WriteClaim claim)
    {
        try
        {
            await records.ReleaseWriteClaimAsync(message.Flow, message.SourceKey, claim, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Could not release the write claim of deferred {SourceKey}; it lapses by itself: {Error}", message.SourceKey, ex.Message);
        }
    }

    /// <summary>A straight-through write that failed goes to the write queue, after the write stage's usual retry delay, with the reason noted.</summary>
    private async Task HandOverAsync(PipelineMessage message, Exception error, WriteClaim claim, CancellationToken cancellationToken)
    {
        var ambiguous = MayHaveBeenApplied(error);
        metrics.Failed(message.Flow, StageName);
        logger.LogWarning(error, "The write of {SourceKey} on the way through failed; it goes to the write queue for its retries", message.SourceKey);
        var settled = await records.SettleWriteAsync(message.Flow, message.SourceKey, new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Mapped,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = 1,
            Reason = $"write on the way through failed, handed to the write queue for its retries: {error.Message}",
            LastAttemptAmbiguous = ambiguous ? true : null,
            ReleasesWriteClaim = true,
        }, claim, claimETag: null, cancellationToken);
        if (settled.Superseded)
        {
            // The newer version is written by its own messages; this one would only be dropped as stale.
            return;
        }

        var queued = message with { MayHaveReachedTarget = message.MayHaveReachedTarget || ambiguous };
        await storage.WriteQueue.SendMessageAsync(
            await codec.EncodeAsync(queued, cancellationToken), visibilityTimeout: rules.VisibilityTimeout, timeToLive: QueueSending.NoExpiry, cancellationToken: cancellationToken);
    }

    /// <summary>Whether a failed call may still have reached the target (a timeout, a dropped connection): the next attempt then looks first.</summary>
    private static bool MayHaveBeenApplied(Exception error) => error is not TargetWriteException { MayHaveBeenApplied: false };

    private async Task MarkAmbiguousAsync(PipelineMessage message, long dequeueCount, WriteClaim claim)
    {
        try
        {
            await records.SettleWriteAsync(message.Flow, message.SourceKey, new RecordUpdate
            {
                Stage = StageName,
                Status = RecordStatus.Mapped,
                SourceVersion = message.SourceVersion,
                CorrelationId = message.CorrelationId,
                Attempt = (int)dequeueCount,
                Reason = "write interrupted by a stop of the runtime; it may have reached the target and is looked up before it is written again",
                LastAttemptAmbiguous = true,
                ReleasesWriteClaim = true,
            }, claim, claimETag: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception noted) when (noted is not OutOfMemoryException)
        {
            logger.LogWarning("Could not note the interrupted write of {SourceKey}: {Error}", message.SourceKey, noted.Message);
        }
    }

    /// <summary>A permanent refusal is recorded with the target's message and sent to poison at once, without useless retries.</summary>
    private async Task RefuseAsync(BinaryData body, PipelineMessage message, FlowParts parts, long dequeueCount, TargetWriteException ex, WriteClaim claim, CancellationToken cancellationToken)
    {
        var reason = $"{parts.Definition.TargetSystem} refused the write: {ex.Message}";
        var settled = await records.SettleWriteAsync(message.Flow, message.SourceKey, new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Failed,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = (int)dequeueCount,
            Attempts = (int)dequeueCount,
            Reason = reason,
            ReleasesWriteClaim = true,
        }, claim, claimETag: null, cancellationToken);
        metrics.Failed(message.Flow, StageName);
        if (settled.Superseded)
        {
            // A newer version replaces this one: it is tried on its own, and nobody needs to replay the old one.
            logger.LogWarning("{Target} refused {SourceKey} version {Version}, which a newer version has replaced since: {Reason}", parts.Definition.TargetSystem, message.SourceKey, message.SourceVersion, ex.Message);
            return;
        }

        await poison.SendAsync(PipelineQueue.Write, body, cancellationToken);
        metrics.Poisoned(message.Flow, StageName);
        logger.LogError("{Target} refused {SourceKey}: {Reason}; moved to the write poison queue", parts.Definition.TargetSystem, message.SourceKey, ex.Message);
    }

    /// <summary>Stable for one version of one record: a retried send is recognised by the target, a new version is not.</summary>
    public static string IdempotencyKey(PipelineMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Flow}\n{message.SourceKey}\n{message.SourceVersion}"));
        return $"mlc-{Convert.ToHexStringLower(hash)[..40]}";
    }
}
