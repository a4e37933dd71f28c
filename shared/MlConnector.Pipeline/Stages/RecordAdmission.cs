using System.Text.Json;
using Azure;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Lets source records into the pipeline: drops versions already handled, records the rest as received
/// (with the payload, so a record can be recovered even if its message never made it), then enqueues one
/// map message per record. Row first, message second: a crash in between leaves a row the stall sweep requeues.
/// </summary>
public sealed class RecordAdmission(RecordStore records, MessageCodec codec, PipelineStorage storage, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>Rows this young in Received/Mapped are in flight: a re-read of the same version is not enqueued twice.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromMinutes(10);

    /// <summary>Largest payload kept inline on the record row (table string properties hold 32K characters).</summary>
    private const int InlinePayloadChars = 30_000;

    public async Task<AdmissionResult> AdmitAsync(string flow, IReadOnlyList<SourceRecord> page, AdmissionMode mode, CancellationToken cancellationToken)
    {
        // A page may repeat a key (a record changed between two page reads): the last version wins.
        var latest = page.GroupBy(record => record.Key, StringComparer.Ordinal).Select(group => group.Last()).ToList();
        var now = time.GetUtcNow();
        var candidates = await Task.WhenAll(latest.Select(record => PrepareAsync(flow, record, cancellationToken)));

        // Records never seen before need no read: their rows are created outright. Only a batch that meets an
        // existing row (a changed record, a re-read boundary day, a repeated webhook) is read and judged.
        var (created, conflicts) = await records.TryCreateManyAsync(flow, candidates.Select(c => (c.Record.Key, c.Update)).ToList(), cancellationToken);
        var etags = new Dictionary<string, ETag>(created, StringComparer.Ordinal);
        var admitted = candidates.Where(c => created.ContainsKey(c.Record.Key)).ToList();
        if (conflicts.Count > 0)
        {
            var conflicting = conflicts.ToHashSet(StringComparer.Ordinal);
            var existing = await records.GetManyAsync(flow, conflicts, cancellationToken);
            var judged = candidates.Where(c => conflicting.Contains(c.Record.Key)).ToLookup(c => IsAlreadyHandled(existing.GetValueOrDefault(c.Record.Key), c.Record, mode, now));
            await Task.WhenAll(judged[true].Select(skipped => ReleasePayloadAsync(skipped.Stored, cancellationToken)));
            var updated = await records.ApplyManyAsync(flow, judged[false].Select(c => (c.Record.Key, c.Update)).ToList(), cancellationToken);
            foreach (var (key, etag) in updated)
            {
                etags[key] = etag;
            }

            admitted.AddRange(judged[false]);
        }

        await Parallel.ForEachAsync(
            admitted,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.IntakeConcurrency, CancellationToken = cancellationToken },
            async (candidate, ct) =>
            {
                using var trace = RecordTrace.StartIntake("intake", flow, candidate.Record.Key);
                var message = new PipelineMessage
                {
                    Flow = flow,
                    SourceKey = candidate.Record.Key,
                    SourceVersion = candidate.Record.Version,
                    SourceModifiedAt = candidate.Record.ModifiedAt,
                    CorrelationId = candidate.Update.CorrelationId,
                    ReceivedAt = now,
                    RecordETag = etags[candidate.Record.Key].ToString(),
                    Payload = candidate.Stored.Blob is null ? candidate.Record.Payload : null,
                    PayloadBlob = candidate.Stored.Blob,
                }.Carry(trace);
                await storage.MapQueue.SendEnvelopeAsync(await codec.EncodeAsync(message, ct), ct);
            });
        return new AdmissionResult(admitted.Count, page.Count - admitted.Count);
    }

    /// <summary>Enqueues a record again from its row (reprocessing a reject, recovering a stalled intake).</summary>
    public async Task RequeueFromRowAsync(RecordEntity row, string stage, CancellationToken cancellationToken)
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
            Payload = payload,
            PayloadBlob = payload is null ? row.PendingPayloadBlob : null,
        }.Carry(trace);
        await storage.MapQueue.SendEnvelopeAsync(await codec.EncodeAsync(message, cancellationToken), cancellationToken);
    }

    private static bool IsAlreadyHandled(RecordEntity? row, SourceRecord record, AdmissionMode mode, DateTimeOffset now)
    {
        if (row is null)
        {
            return false;
        }

        if (row.WrittenVersion == record.Version)
        {
            return true;
        }

        if (row.SourceVersion != record.Version)
        {
            return false;
        }

        return row.StatusValue switch
        {
            // Rejects are retried from their row on every sync; failures wait for an operator's replay.
            RecordStatus.Rejected or RecordStatus.Failed or RecordStatus.Written => true,

            // A webhook repeated is a duplicate however old; a polled record still in flight after the window
            // is presumed lost in a crash and admitted again (the write stage drops it if it was written after all).
            _ => mode == AdmissionMode.Webhook || now - row.UpdatedAt < InFlightWindow,
        };
    }

    private async Task<StoredPayload> StorePayloadAsync(string flow, SourceRecord record, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(record.Payload, CanonicalJson.Options);
        if (json.Length <= InlinePayloadChars)
        {
            return new StoredPayload(json, null);
        }

        var blobName = $"{TableKeys.Escape(flow)}/{TableKeys.Escape(record.Key)}/{Guid.NewGuid():N}.json";
        await storage.Payloads.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), cancellationToken);
        return new StoredPayload(null, blobName);
    }

    /// <summary>The record's payload stored beside its row and the Received update that would admit it.</summary>
    private async Task<Candidate> PrepareAsync(string flow, SourceRecord record, CancellationToken cancellationToken)
    {
        var stored = await StorePayloadAsync(flow, record, cancellationToken);
        return new Candidate(record, stored, new RecordUpdate
        {
            Stage = "intake",
            Status = RecordStatus.Received,
            SourceVersion = record.Version,
            SourceModifiedAt = record.ModifiedAt,
            CorrelationId = Guid.NewGuid().ToString("N"),
            Attempt = 1,
            Attempts = 0,
            Reason = string.Empty,
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
}

public enum AdmissionMode
{
    Poll,
    Webhook,
}

public sealed record AdmissionResult(int Enqueued, int Skipped);
