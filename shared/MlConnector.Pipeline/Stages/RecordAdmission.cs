using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Lets source records into the pipeline: drops versions already handled and versions older than the one admitted
/// (noting those in the record's history), rejects a record whose key no table can hold, records the rest as
/// received (with the payload, so a record can be recovered even if its message never made it), then enqueues one
/// map message per record. Row first, message second: a crash in between leaves a row the stall sweep requeues.
/// </summary>
public sealed class RecordAdmission(RecordStore records, MessageCodec codec, PipelineStorage storage, IOptions<PipelineOptions> options, TimeProvider time, ILogger<RecordAdmission> logger)
{
    /// <summary>Rows this young in Received/Mapped are in flight: a re-read of the same version is not enqueued twice.</summary>
    public TimeSpan InFlightWindow => TimeSpan.FromSeconds(options.Value.StalledIntakeSeconds);

    /// <summary>Reads and conditional updates of one page's existing rows before giving up while other stages keep changing them.</summary>
    private const int MaxAdmissionRounds = 5;

    /// <summary>Largest payload kept inline on the record row (table string properties hold 32K characters).</summary>
    private const int InlinePayloadChars = 30_000;

    public async Task<AdmissionResult> AdmitAsync(string flow, IReadOnlyList<SourceRecord> page, AdmissionMode mode, CancellationToken cancellationToken)
    {
        // A page may repeat a key (a record changed between two page reads, a webhook delivered twice out of order):
        // the newest version wins.
        var latest = page.GroupBy(record => record.Key, StringComparer.Ordinal).Select(Newest).ToList();
        var now = time.GetUtcNow();
        var candidates = await Task.WhenAll(latest.Select(record => PrepareAsync(flow, record, cancellationToken)));

        // Records never seen before need no read: their rows are created outright. Only a batch that meets an
        // existing row (a changed record, a re-read boundary day, a repeated webhook) is read and judged.
        var (created, conflicts) = await records.TryCreateManyAsync(flow, candidates.Select(c => (c.Record.Key, c.Update)).ToList(), cancellationToken);
        var etags = new Dictionary<string, ETag>(created, StringComparer.Ordinal);

        // What the next stages would otherwise read back: the target id of an earlier version, and whether an earlier
        // attempt at this version may have reached the target. A new row has neither.
        var rowStates = new Dictionary<string, (string? TargetId, bool MayHaveReachedTarget)>(StringComparer.Ordinal);
        var admitted = candidates.Where(c => created.ContainsKey(c.Record.Key)).ToList();
        var stale = 0;
        // Judged on a read and applied only if the row is still as read: a stage that moved it meanwhile (a write that
        // claimed it) must be seen, or the newer version would go straight through beside that write.
        var pending = conflicts.ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > MaxAdmissionRounds)
            {
                throw new InvalidOperationException($"{pending.Count} record(s) of {flow} kept changing while being admitted (first: {pending[0]}); the page is retried");
            }

            var conflicting = pending.ToHashSet(StringComparer.Ordinal);
            var existing = await records.GetManyAsync(flow, pending, cancellationToken);
            var judged = candidates.Where(c => conflicting.Contains(c.Record.Key))
                .Select(c => (Candidate: c, Row: existing.GetValueOrDefault(c.Record.Key), Verdict: Judge(existing.GetValueOrDefault(c.Record.Key), c.Record, mode, now, InFlightWindow)))
                .ToList();
            await Task.WhenAll(judged.Where(j => j.Verdict != Verdict.Admit).Select(dropped => ReleasePayloadAsync(dropped.Candidate.Stored, cancellationToken)));
            foreach (var (candidate, row, _) in judged.Where(j => j.Verdict == Verdict.Stale))
            {
                await NoteStaleAsync(flow, candidate.Record, row!, now, cancellationToken);
                stale++;
            }

            // A version admitted again while its row says Mapped may have died mid-write: its write looks before creating.
            var admitting = judged.Where(j => j.Verdict == Verdict.Admit)
                .Select(j => (Candidate: j.Row is { StatusValue: RecordStatus.Mapped } && j.Row.SourceVersion == j.Candidate.Record.Version
                    ? j.Candidate with { Update = j.Candidate.Update with { LastAttemptAmbiguous = true } }
                    : j.Candidate, j.Row))
                .ToList();
            foreach (var (candidate, row) in admitting)
            {
                // A row left Mapped (by this version or an older one) or holding a write claim may have a write in flight
                // or interrupted: the next write waits for that claim and looks before creating.
                var mayHaveReachedTarget = row is not null && (row.LastAttemptAmbiguous || row.StatusValue == RecordStatus.Mapped || row.LeftUnreleased());
                rowStates[candidate.Record.Key] = (row?.TargetId, mayHaveReachedTarget);
            }

            var (updated, changed) = await records.ApplyManyIfUnchangedAsync(flow, admitting.Select(a => (a.Candidate.Record.Key, a.Candidate.Update, a.Row?.ETag)).ToList(), cancellationToken);
            foreach (var (key, etag) in updated)
            {
                etags[key] = etag;
            }

            admitted.AddRange(admitting.Select(a => a.Candidate).Where(c => updated.ContainsKey(c.Record.Key)));
            pending = changed.ToList();
        }

        foreach (var refused in admitted.Where(c => c.Update.Status == RecordStatus.Rejected))
        {
            logger.LogWarning("Rejected a record of {Flow} at intake: {Reason}", flow, refused.Update.Reason);
        }

        var enqueueing = admitted.Where(c => c.Update.Status == RecordStatus.Received).ToList();
        await Parallel.ForEachAsync(
            enqueueing,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.IntakeConcurrency, CancellationToken = cancellationToken },
            async (candidate, ct) =>
            {
                using var trace = RecordTrace.StartIntake("intake", flow, candidate.Record.Key);
                var rowState = rowStates.GetValueOrDefault(candidate.Record.Key);
                var message = new PipelineMessage
                {
                    Flow = flow,
                    SourceKey = candidate.Record.Key,
                    SourceVersion = candidate.Record.Version,
                    SourceModifiedAt = candidate.Record.ModifiedAt,
                    CorrelationId = candidate.Update.CorrelationId,
                    ReceivedAt = now,
                    RecordETag = etags[candidate.Record.Key].ToString(),
                    CarriesRowState = true,
                    KnownTargetId = rowState.TargetId,
                    MayHaveReachedTarget = rowState.MayHaveReachedTarget,
                    Payload = candidate.Stored.Blob is null ? candidate.Record.Payload : null,
                    PayloadBlob = candidate.Stored.Blob,
                }.Carry(trace);
                await storage.MapQueue.SendEnvelopeAsync(await codec.EncodeAsync(message, ct), ct);
            });
        var rejected = admitted.Count - enqueueing.Count;
        return new AdmissionResult(enqueueing.Count, page.Count - enqueueing.Count - rejected, rejected, stale);
    }

    /// <summary>Enqueues a record again from its row (reprocessing a reject, recovering a stalled intake); <paramref name="note"/> goes on its history.</summary>
    public async Task RequeueFromRowAsync(RecordEntity row, string stage, CancellationToken cancellationToken, string? note = null)
    {
        JsonElement? payload = row.PendingPayload is { } inline ? JsonDocument.Parse(inline).RootElement.Clone() : null;
        if (payload is null && row.PendingPayloadBlob is null)
        {
            throw new InvalidOperationException($"Record {row.SourceKey} of flow {row.Flow} has no stored payload to reprocess; sync its source again (mlc sync {row.Flow} --since <date>).");
        }

        var attempt = row.Attempts + 1;
        using var trace = RecordTrace.StartIntake(stage, row.Flow, row.SourceKey);
        var etag = await records.ApplyAsync(row.Flow, row.SourceKey, new RecordUpdate
        {
            Stage = stage,
            Status = RecordStatus.Received,
            SourceVersion = row.SourceVersion,
            CorrelationId = row.CorrelationId,
            Attempt = attempt,
            Attempts = attempt,
            Reason = note,
        }, row.ETag, cancellationToken);
        var message = new PipelineMessage
        {
            Flow = row.Flow,
            SourceKey = row.SourceKey,
            SourceVersion = row.SourceVersion,
            SourceModifiedAt = row.SourceModifiedAt,
            CorrelationId = row.CorrelationId,
            Attempt = attempt,
            ReceivedAt = time.GetUtcNow(),
            RecordETag = etag.ToString(),
            CarriesRowState = true,
            KnownTargetId = row.TargetId,
            MayHaveReachedTarget = row.LastAttemptAmbiguous,
            Payload = payload,
            PayloadBlob = payload is null ? row.PendingPayloadBlob : null,
        }.Carry(trace);
        await storage.MapQueue.SendEnvelopeAsync(await codec.EncodeAsync(message, cancellationToken), cancellationToken);
    }

    /// <summary>Later in the page wins, unless its own modification time says it is older.</summary>
    private static SourceRecord Newest(IEnumerable<SourceRecord> versions) =>
        versions.Aggregate((best, next) => IsOlder(next.ModifiedAt, best.ModifiedAt) ? best : next);

    private static bool IsOlder(DateTimeOffset? candidate, DateTimeOffset? than) => candidate is { } at && than is { } other && at < other;

    private static Verdict Judge(RecordEntity? row, SourceRecord record, AdmissionMode mode, DateTimeOffset now, TimeSpan inFlightWindow)
    {
        if (row is null)
        {
            return Verdict.Admit;
        }

        if (row.SourceVersion == record.Version)
        {
            return row.StatusValue switch
            {
                // Rejects are retried from their row on every sync; failures wait for an operator's replay.
                RecordStatus.Rejected or RecordStatus.Failed or RecordStatus.Written => Verdict.Duplicate,

                // A webhook repeated is a duplicate however old; a polled record still in flight after the window
                // is presumed lost in a crash and admitted again (the write stage drops it if it was written after all).
                _ => mode == AdmissionMode.Webhook || now - row.UpdatedAt < inFlightWindow ? Verdict.Duplicate : Verdict.Admit,
            };
        }

        // The source's own clock decides: a replayed or late delivery of an older state never overwrites a newer one.
        if (IsOlder(record.ModifiedAt, row.SourceModifiedAt))
        {
            return Verdict.Stale;
        }

        return row.WrittenVersion == record.Version ? Verdict.Duplicate : Verdict.Admit;
    }

    private Task NoteStaleAsync(string flow, SourceRecord record, RecordEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"dropped version {record.Version} (changed {record.ModifiedAt:O} at the source): version {row.SourceVersion} " +
                     $"(changed {row.SourceModifiedAt:O}) is newer and already admitted";
        logger.LogInformation("{Flow} record {SourceKey}: {Reason}", flow, record.Key, reason);
        return records.AppendHistoryAsync(flow, record.Key, new HistoryEntry("intake", row.Status, record.Version, 0, null, reason, Guid.NewGuid().ToString("N"), now), cancellationToken);
    }

    private async Task<StoredPayload> StorePayloadAsync(string flow, SourceRecord record, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(record.Payload, CanonicalJson.Options);
        if (json.Length <= InlinePayloadChars)
        {
            return new StoredPayload(json, null);
        }

        var blobName = $"{TableKeys.Escape(flow)}/{RecordKeys.StoredKey(record.Key)}/{Guid.NewGuid():N}.json";
        await storage.Payloads.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), cancellationToken);
        return new StoredPayload(null, blobName);
    }

    /// <summary>The record's payload stored beside its row and the Received update that would admit it.</summary>
    private async Task<Candidate> PrepareAsync(string flow, SourceRecord record, CancellationToken cancellationToken)
    {
        var stored = await StorePayloadAsync(flow, record, cancellationToken);
        var keyProblem = RecordKeys.KeyProblem(record.Key);
        return new Candidate(record, stored, new RecordUpdate
        {
            Stage = "intake",
            Status = keyProblem is null ? RecordStatus.Received : RecordStatus.Rejected,
            SourceVersion = record.Version,
            SourceModifiedAt = record.ModifiedAt,
            CorrelationId = Guid.NewGuid().ToString("N"),
            Attempt = 1,
            Attempts = 0,
            Reason = keyProblem ?? string.Empty,
            PendingPayload = stored.Inline ?? string.Empty,
            PendingPayloadBlob = stored.Blob ?? string.Empty,
        });
    }

    /// <summary>A record judged already handled leaves no claim-check blob behind.</summary>
    private async Task ReleasePayloadAsync(StoredPayload stored, CancellationToken cancellationToken)
    {
        if (stored.Blob is { } blobName)
        {
            await storage.Payloads.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private sealed record StoredPayload(string? Inline, string? Blob);

    private sealed record Candidate(SourceRecord Record, StoredPayload Stored, RecordUpdate Update);

    private enum Verdict
    {
        Admit,
        Duplicate,
        Stale,
    }
}

public enum AdmissionMode
{
    Poll,
    Webhook,
}

/// <param name="Skipped">Versions already handled, repeats within the page, and older versions than the one admitted.</param>
/// <param name="Rejected">Records refused at the door (a key no table can hold); the reason is on their row.</param>
/// <param name="Stale">Versions older than the one already admitted (by the source's own change time), dropped with a history entry.</param>
public sealed record AdmissionResult(int Enqueued, int Skipped, int Rejected = 0, int Stale = 0);
