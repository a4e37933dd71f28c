using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Intake;

/// <summary>
/// The durable landing place of verified webhook records: each group of concurrent deliveries is one blob of
/// JSON lines (one storage write however many records it holds), kept until its records are admitted into the
/// pipeline. Repeats are not detected here: admission drops a version it already has.
/// </summary>
public sealed class WebhookInbox(PipelineStorage storage, TimeProvider time)
{
    /// <summary>Inbox blobs live in the payloads container under this prefix, one folder per flow.</summary>
    public const string Prefix = "webhook-inbox/";

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff";

    public async Task<InboxBatch> StoreAsync(string flow, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken)
    {
        var name = $"{FolderOf(flow)}{time.GetUtcNow().ToString(StampFormat, CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.jsonl";
        var lines = new StringBuilder();
        foreach (var record in records)
        {
            lines.Append(JsonSerializer.Serialize(new InboxLine(record.Key, record.Version, record.ModifiedAt, record.Payload), CanonicalJson.Options)).Append('\n');
        }

        await storage.Payloads.GetBlobClient(name).UploadAsync(BinaryData.FromString(lines.ToString()), overwrite: false, cancellationToken);
        return new InboxBatch(name, flow, records);
    }

    /// <summary>Removes a batch whose records are now admitted.</summary>
    public Task DeleteAsync(InboxBatch batch, CancellationToken cancellationToken) =>
        storage.Payloads.GetBlobClient(batch.BlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The flow's batches stored before <paramref name="storedBefore"/>: ones whose forwarding never finished.</summary>
    public async IAsyncEnumerable<InboxBatch> LeftoversAsync(string flow, DateTimeOffset storedBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in storage.Payloads.GetBlobsAsync(BlobTraits.None, BlobStates.None, FolderOf(flow), cancellationToken))
        {
            if (StoredAt(blob.Name) is { } stored && stored >= storedBefore)
            {
                continue;
            }

            var content = await storage.Payloads.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            var records = content.Value.Content.ToString()
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<InboxLine>(line, CanonicalJson.Options) ?? throw new InvalidDataException($"Inbox blob {blob.Name} holds an empty line."))
                .Select(line => new SourceRecord(line.Key, line.Version, line.ModifiedAt, line.Payload))
                .ToList();
            yield return new InboxBatch(blob.Name, flow, records);
        }
    }

    /// <summary>How many batches wait in the flow's inbox.</summary>
    public async Task<int> CountAsync(string flow, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in storage.Payloads.GetBlobsAsync(BlobTraits.None, BlobStates.None, FolderOf(flow), cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>True when no flow has a batch waiting (a demo or test waiting for the pipeline to go quiet).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in storage.Payloads.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            return false;
        }

        return true;
    }

    private static string FolderOf(string flow) => $"{Prefix}{TableKeys.Escape(flow)}/";

    /// <summary>The store time is in the name (this clock, not the storage server's), so listing needs no metadata.</summary>
    private static DateTimeOffset? StoredAt(string blobName)
    {
        var stamp = blobName[(blobName.LastIndexOf('/') + 1)..].Split('-')[0];
        return DateTimeOffset.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private sealed record InboxLine(string Key, string Version, DateTimeOffset? ModifiedAt, JsonElement Payload);
}
