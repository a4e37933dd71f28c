using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The map stage: source record -> target document, or a rejection with a reason kept on the record row
/// (retried on the next sync). A document the target must not receive (<see cref="DocumentValidation"/>) is rejected too. Mapped records
/// go on to the write queue, or on their first pass straight to the target (<see cref="PipelineOptions.StraightThroughWrites"/>).
/// A throw means "retry this message".
/// </summary>
public sealed class MapStage(
    FlowCatalog catalog,
    RecordStore records,
    MessageCodec codec,
    PipelineStorage storage,
    PoisonQueueWriter poison,
    MessageDeferral deferral,
    DocumentValidation validation,
    QueueRules rules,
    PipelineMetrics metrics,
    RecordDocuments documents,
    WriteStage write,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<MapStage> logger)
{
    private const string StageName = "map";

    public async Task HandleAsync(BinaryData body, long dequeueCount, CancellationToken cancellationToken)
    {
        if (await StageMessages.OpenOrPoisonAsync(body, PipelineQueue.Map, catalog, poison, logger, cancellationToken) is not { } opened)
        {
            return;
        }

        var (message, parts) = opened;
        using var scope = StageLog.BeginScope(logger, message);
        using var trace = RecordTrace.StartStage(StageName, message);
        try
        {
            await MapAsync(message.Carry(trace), parts, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await deferral.TryDeferAsync(PipelineQueue.Map, message, ex, StageName, RecordStatus.Received, cancellationToken, deferStorageOutage: true))
            {
                return;
            }

            trace.Fail(ex);
            await StageFailures.RecordAsync(records, metrics, logger, StageName, message, ex, dequeueCount, rules.MaxDequeueCount, ambiguous: false, cancellationToken);
            throw;
        }
    }

    private async Task MapAsync(PipelineMessage message, FlowParts parts, CancellationToken cancellationToken)
    {
        var payload = await codec.ReadPayloadAsync(message, cancellationToken);
        var record = new SourceRecord(message.SourceKey, message.SourceVersion, message.SourceModifiedAt, payload);
        MapResult result;
        IReadOnlyList<MissingMapping> misses = [];
        if (RecordKeys.KeyProblem(message.SourceKey) is { } keyProblem)
        {
            result = MapResult.Rejected(keyProblem);
        }
        else
        {
            using var lookups = MappingLookupRecorder.Begin();
            result = await parts.Mapper.MapAsync(record, cancellationToken);
            misses = lookups.Misses;
        }

        if (result is MapResult.MappedResult { Document: var candidate } && validation.Refusal(candidate, parts.Definition.TargetSystem) is { } refusal)
        {
            result = MapResult.Rejected(refusal);
        }

        // A small source payload stays on the row (the console shows it); a large one's blob goes once mapped.
        var update = result switch
        {
            MapResult.MappedResult mapped => await MappedUpdateAsync(message, mapped.Document, cancellationToken),
            MapResult.RejectedResult rejected => new RecordUpdate
            {
                Stage = StageName,
                Status = RecordStatus.Rejected,
                SourceVersion = message.SourceVersion,
                CorrelationId = message.CorrelationId,
                Attempt = message.Attempt,
                Reason = rejected.Reason,
                MissingMappings = MissingMapping.Serialize(MissingMapping.Relevant(misses, rejected.Reason)),
            },
            _ => throw new InvalidOperationException($"Unknown map result {result.GetType().Name}."),
        };

        // A straight-through write claims the record in this same update (no extra call); one whose intake saw a write
        // that may still be in flight goes by the write queue, which waits for that write's claim.
        var straightThrough = options.Value.StraightThroughWrites && message.CarriesRowState && !message.MayHaveReachedTarget && message.RecordETag is not null;
        var claim = straightThrough && update.Status == RecordStatus.Mapped ? WriteClaim.Take(message.SourceVersion, time.GetUtcNow(), options.Value.WriteClaimDuration) : null;
        if (await ApplyOnceAsync(message, update with { TakesWriteClaim = claim }, cancellationToken) is not { } applied)
        {
            return;
        }

        if (result is MapResult.MappedResult { Document: var document })
        {
            var writeMessage = message with
            {
                RecordETag = applied.ETag.ToString(),
                Payload = JsonSerializer.SerializeToElement(document, CanonicalJson.Options),
                PayloadBlob = null,
                MayHaveReachedTarget = message.MayHaveReachedTarget || applied.MayHaveReachedTarget,
            };
            if (applied.FirstPass && claim is not null)
            {
                await write.WriteOnTheWayAsync(writeMessage, parts, claim, applied.ETag, cancellationToken);
            }
            else
            {
                await storage.WriteQueue.SendEnvelopeAsync(await codec.EncodeAsync(writeMessage, cancellationToken), cancellationToken);
            }

            await codec.ReleasePayloadAsync(message, cancellationToken);
        }
        else
        {
            metrics.Rejected(message.Flow, RejectReason.GroupKey(message.SourceKey, update.Reason, MissingMapping.Parse(update.MissingMappings)));
            logger.LogWarning("Rejected {SourceKey}: {Reason}", message.SourceKey, ((MapResult.RejectedResult)result).Reason);
        }
    }

    private async Task<RecordUpdate> MappedUpdateAsync(PipelineMessage message, TargetDocument document, CancellationToken cancellationToken)
    {
        var (inline, blob) = await documents.StoreMappedAsync(message.Flow, message.SourceKey, document, cancellationToken);
        return new RecordUpdate
        {
            Stage = StageName,
            Status = RecordStatus.Mapped,
            SourceVersion = message.SourceVersion,
            CorrelationId = message.CorrelationId,
            Attempt = message.Attempt,
            Summary = document.Summary,
            Reason = string.Empty,
            MappedDocument = inline,
            MappedDocumentBlob = blob,
            MissingMappings = string.Empty,
            PendingPayloadBlob = message.PayloadBlob is null ? null : string.Empty,
        };
    }

    /// <summary>
    /// Updates the row using the ETag the intake left, saving a read: a match proves this is the first delivery of this
    /// admission to get here (<see cref="AppliedUpdate.FirstPass"/>). If the row moved on, reads it: a newer version or a
    /// finished write makes this message stale (null: drop it); otherwise it is a redelivery and goes on, and a row
    /// already Mapped for this version means an earlier delivery may have been writing it.
    /// </summary>
    private async Task<AppliedUpdate?> ApplyOnceAsync(PipelineMessage message, RecordUpdate update, CancellationToken cancellationToken)
    {
        if (message.RecordETag is { } etag)
        {
            try
            {
                return new AppliedUpdate(await records.ApplyAsync(message.Flow, message.SourceKey, update, new Azure.ETag(etag), cancellationToken), FirstPass: true, MayHaveReachedTarget: false);
            }
            catch (RecordChangedException)
            {
                // Fall through to the read below.
            }
        }

        var row = await records.GetAsync(message.Flow, message.SourceKey, cancellationToken);
        if (row is not null && (row.SourceVersion != message.SourceVersion || row.WrittenVersion == message.SourceVersion))
        {
            logger.LogInformation("Dropped a stale map message for {SourceKey} version {Version}", message.SourceKey, message.SourceVersion);
            return null;
        }

        // A redelivery writes by the write queue, which takes the claim there.
        var wasMapped = row is { StatusValue: RecordStatus.Mapped };
        return new AppliedUpdate(await records.ApplyAsync(message.Flow, message.SourceKey, update with { TakesWriteClaim = null }, ifMatch: null, cancellationToken), FirstPass: false, MayHaveReachedTarget: wasMapped);
    }

    private sealed record AppliedUpdate(Azure.ETag ETag, bool FirstPass, bool MayHaveReachedTarget);
}
