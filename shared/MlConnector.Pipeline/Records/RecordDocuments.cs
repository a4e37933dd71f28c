using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// What a record carried in and what was made of it: the source payload and the mapped target document, kept on
/// the record row when small and in the payloads container when not, so an operator can read and download both.
/// </summary>
public sealed class RecordDocuments(PipelineStorage storage)
{
    /// <summary>Largest document kept inline on the record row (table string properties hold 32K characters).</summary>
    public const int InlineChars = 30_000;

    /// <summary>The mapped document's JSON as the row keeps it: inline, or a blob name (one per record, overwritten by each version).</summary>
    public async Task<(string Inline, string Blob)> StoreMappedAsync(string flow, string sourceKey, TargetDocument document, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, CanonicalJson.Options);
        if (json.Length <= InlineChars)
        {
            return (json, string.Empty);
        }

        var blobName = $"documents/{TableKeys.Escape(flow)}/{TableKeys.Escape(sourceKey)}.json";
        await storage.Payloads.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
        return (string.Empty, blobName);
    }

    /// <summary>The record's source payload as received, or null when none is kept.</summary>
    public Task<string?> SourceAsync(RecordEntity row, CancellationToken cancellationToken) =>
        ReadAsync(row.PendingPayload, row.PendingPayloadBlob, cancellationToken);

    /// <summary>The mapped target document, or null when the record was never mapped.</summary>
    public Task<string?> MappedAsync(RecordEntity row, CancellationToken cancellationToken) =>
        ReadAsync(row.MappedDocument, row.MappedDocumentBlob, cancellationToken);

    private async Task<string?> ReadAsync(string? inline, string? blob, CancellationToken cancellationToken)
    {
        if (inline is not null)
        {
            return inline;
        }

        if (blob is null)
        {
            return null;
        }

        var client = storage.Payloads.GetBlobClient(blob);
        var response = await client.ExistsAsync(cancellationToken);
        return response.Value ? (await client.DownloadContentAsync(cancellationToken)).Value.Content.ToString() : null;
    }
}
