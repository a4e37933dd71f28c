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
/// target sink, and records the target id. Transient failures throw for the queue to retry; a permanent
/// refusal is recorded with the target's message and sent to poison at once, without useless retries.
/// </summary>
public sealed class WriteStage(
    FlowCatalog catalog,
    RecordStore records,
    MessageCodec codec,
    PoisonQueueWriter poison,
    WriteConcurrencyGate gate,
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
            var document = CanonicalJson.FromElement<TargetDocument>(await codec.ReadPayloadAsync(message, cancellationToken));
            var request = new WriteRequest(
                message.Flow,
                message.SourceKey,
                message.SourceVersion,
                row?.TargetId,
                PreviousAttemptAmbiguous: row?.LastAttemptAmbiguous == true || dequeueCount > 1,
                IdempotencyKey(message),
                document);
            var result = await gate.RunAsync(message.Flow, () => parts.Sink.WriteAsync(request, cancellationToken), cancellationToken);
            await records.ApplyAsync(message.Flow, message.SourceKey, new RecordUpdate
            {
                Stage = StageName,
                Status = RecordStatus.Written,
                SourceVersion = message.SourceVersion,
                CorrelationId = message.CorrelationId,
                Attempt = (int)dequeueCount,
                Attempts = (int)dequeueCount,
                TargetId = result.TargetId,
                WrittenVersion = message.SourceVersion,
                Reason = string.Empty,
                LastAttemptAmbiguous = false,
            }, ifMatch: null, cancellationToken);
            await codec.ReleasePayloadAsync(message, cancellationToken);
            metrics.Written(message.Flow);
            logger.LogInformation("Wrote {SourceKey} to {TargetId} ({Action})", message.SourceKey, result.TargetId, result.Action);
        }
        catch (TargetWriteException ex) when (!ex.IsTransient)
        {
            trace.Fail(ex);
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
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else may have reached the target before failing (a timeout, a dropped connection):
            // the next attempt tells the sink to look for its earlier write before creating again.
            var ambiguous = ex is not TargetWriteException { MayHaveBeenApplied: false };
            trace.Fail(ex);
            await StageFailures.RecordAsync(records, metrics, logger, StageName, message, ex, dequeueCount, rules.MaxDequeueCount, ambiguous, cancellationToken);
            throw;
        }
    }

    /// <summary>Stable for one version of one record: a retried send is recognised by the target, a new version is not.</summary>
    public static string IdempotencyKey(PipelineMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Flow}\n{message.SourceKey}\n{message.SourceVersion}"));
        return $"mlc-{Convert.ToHexStringLower(hash)[..40]}";
    }
}
