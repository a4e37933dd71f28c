using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
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
/// refusal is recorded with the target's message and sent to poison at once, without useless retries. The map stage
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

        try
        {
            var ambiguous = row?.LastAttemptAmbiguous == true || dequeueCount > 1 || message.MayHaveReachedTarget;
            await WriteAsync(message, parts, row?.TargetId, ambiguous, (int)dequeueCount, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Given up mid-call as the host stops: the target may have applied it, so whoever writes it next looks first.
            await MarkAmbiguousAsync(message, dequeueCount);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (await DeferOrRefuseAsync(body, message, parts, ex, dequeueCount, trace, cancellationToken))
            {
                return;
            }

            // Anything else may have reached the target before failing (a timeout, a dropped connection):
            // the next attempt tells the sink to look for its earlier write before creating again.
            trace.Fail(ex);
            await StageFailures.RecordAsync(records, metrics, logger, StageName, message, ex, dequeueCount, rules.MaxDequeueCount, MayHaveBeenApplied(ex), cancellationToken);
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
    public async Task WriteOnTheWayAsync(PipelineMessage message, FlowParts parts, CancellationToken cancellationToken)
    {
        using var trace = RecordTrace.StartStage(StageName, message);
        try
        {
            await WriteAsync(message, parts, message.KnownTargetId, message.MayHaveReachedTarget, attempt: 1, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await MarkAmbiguousAsync(message, dequeueCount: 1);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (await DeferOrRefuseAsync(body: null, message, parts, ex, dequeueCount: 1, trace, cancellationToken))
            {
                return;
            }

            trace.Fail(ex);
            await HandOverAsync(message, ex, cancellationToken);
        }
    }

    private async Task WriteAsync(PipelineMessage message, FlowParts parts, string? existingTargetId, bool previousAttemptAmbiguous, int attempt, CancellationToken cancellationToken)
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
        var result = await gate.RunAsync(message.Flow, () => parts.Sink.WriteAsync(request, cancellationToken), cancellationToken);
        await records.ApplyAsync(message.Flow, message.SourceKey, new RecordUpdate
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
        }, ifMatch: null, cancellationToken);
        await codec.ReleasePayloadAsync(message, cancellationToken);
        metrics.Written(message.Flow);
        logger.LogInformation("Wrote {SourceKey} to {TargetId} ({Action})", message.SourceKey, result.TargetId, result.Action);
    }

    /// <summary>A busy target defers the message on the write queue; a permanent refusal fails the record at once. False: neither.</summary>
    private async Task<bool> DeferOrRefuseAsync(BinaryData? body, PipelineMessage message, FlowParts parts, Exception ex, long dequeueCount, System.Diagnostics.Activity? trace, CancellationToken cancellationToken)
    {
        if (await deferral.TryDeferAsync(PipelineQueue.Write, message, ex, StageName, RecordStatus.Mapped, cancellationToken))
        {
            return true;
        }

        if (ex is not TargetWriteException { IsTransient: false } refused)
        {
            return false;
        }

        trace.Fail(refused);
        await RefuseAsync(body ?? await codec.EncodeAsync(message, cancellationToken), message, parts, dequeueCount, refused, cancellationToken);
        return true;
    }

    /// <summary>A straight-through write that failed goes to the write queue, after the write stage's usual retry delay, with the reason noted.</summary>
    private async Task HandOverAsync(PipelineMessage message, Exception error, CancellationToken cancellationToken)
    {
        var ambiguous = MayHaveBeenApplied(error);
        metrics.Failed(message.Flow, StageName);
        logger.LogWarning(error, "The write of {SourceKey} on the way through failed; it goes to the write queue for its retries", message.SourceKey);
        await records.ApplyAsync(message.Flow, message.SourceKey, new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Mapped,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = 1,
            Reason = $"write on the way through failed, handed to the write queue for its retries: {error.Message}",
            LastAttemptAmbiguous = ambiguous ? true : null,
        }, ifMatch: null, cancellationToken);
        var queued = message with { MayHaveReachedTarget = message.MayHaveReachedTarget || ambiguous };
        await storage.WriteQueue.SendMessageAsync(
            await codec.EncodeAsync(queued, cancellationToken), visibilityTimeout: rules.VisibilityTimeout, timeToLive: QueueSending.NoExpiry, cancellationToken: cancellationToken);
    }

    /// <summary>Whether a failed call may still have reached the target (a timeout, a dropped connection): the next attempt then looks first.</summary>
    private static bool MayHaveBeenApplied(Exception error) => error is not TargetWriteException { MayHaveBeenApplied: false };

    private async Task MarkAmbiguousAsync(PipelineMessage message, long dequeueCount)
    {
        try
        {
            await records.ApplyAsync(message.Flow, message.SourceKey, new RecordUpdate
            {
                Stage = StageName,
                Status = RecordStatus.Mapped,
                SourceVersion = message.SourceVersion,
                CorrelationId = message.CorrelationId,
                Attempt = (int)dequeueCount,
                Reason = "write interrupted by a stop of the runtime; it may have reached the target and is looked up before it is written again",
                LastAttemptAmbiguous = true,
            }, ifMatch: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception noted) when (noted is not OutOfMemoryException)
        {
            logger.LogWarning("Could not note the interrupted write of {SourceKey}: {Error}", message.SourceKey, noted.Message);
        }
    }

    /// <summary>A permanent refusal is recorded with the target's message and sent to poison at once, without useless retries.</summary>
    private async Task RefuseAsync(BinaryData body, PipelineMessage message, FlowParts parts, long dequeueCount, TargetWriteException ex, CancellationToken cancellationToken)
    {
        await records.ApplyAsync(message.Flow, message.SourceKey, new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Failed,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = (int)dequeueCount,
            Attempts = (int)dequeueCount,
            Reason = $"{parts.Definition.TargetSystem} refused the write: {ex.Message}",
        }, ifMatch: null, cancellationToken);
        await poison.SendAsync(PipelineQueue.Write, body, cancellationToken);
        metrics.Failed(message.Flow, StageName);
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
