using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs.Models;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Flows.SpsCommerceX3.Archive;

/// <summary>
/// What ml-connector keeps of a trading partner's PO beyond what X3 holds: the whole order as last applied (the
/// buyer's identifiers, addresses, terms, allowances, notes, store splits...), which file version that was, the X3
/// sales order it was written to, and what has been answered (855s, 810s, 856s), so that the answers echo the order and
/// follow RSX's purpose codes.
/// </summary>
public sealed record ArchivedSpsOrder
{
    public required string OrderKey { get; init; }
    public required SalesOrder Order { get; init; }

    /// <summary>Where the applied version stood in the order SPS made files available (sorts as text).</summary>
    public required string AppliedAvailable { get; init; }

    public required string AppliedFile { get; init; }
    public string? X3Order { get; init; }

    /// <summary>855s sent for this PO (the first is the original, later ones replace it).</summary>
    public int AcknowledgmentsSent { get; init; }

    /// <summary>Whether the last 855 accepted the order, and the lines it acknowledged (item, quantity, price per X3 line).</summary>
    public bool LastAcknowledgmentAccepted { get; init; }

    public string? LastAcknowledgedLines { get; init; }

    /// <summary>810s sent per X3 invoice number (the first is the original, later ones replace it).</summary>
    public IReadOnlyDictionary<string, int> InvoicesSent { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>856s sent per X3 delivery number (the first is the original, later ones replace it).</summary>
    public IReadOnlyDictionary<string, int> ShipmentsSent { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}

/// <summary>Another process changed the archived order between this read and this save: read again and retry.</summary>
public sealed class SpsArchiveConflictException(string orderKey) : Exception($"The archived SPS order {orderKey} changed while it was being written.");

/// <summary>Reads and saves archived SPS orders by order key (<c>{partner}~{po}</c>) with optimistic concurrency.</summary>
public interface ISpsOrderArchive
{
    Task<(ArchivedSpsOrder? Order, string? ETag)> ReadAsync(string orderKey, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="order"/> if it is still at <paramref name="etag"/> (null: only if absent); throws <see cref="SpsArchiveConflictException"/> otherwise.</summary>
    Task SaveAsync(ArchivedSpsOrder order, string? etag, CancellationToken cancellationToken);
}

/// <summary>The archive in the pipeline's payloads container, one JSON blob per PO under <c>sps-orders/</c>.</summary>
public sealed class BlobSpsOrderArchive(PipelineStorage storage) : ISpsOrderArchive
{
    public const string Prefix = "sps-orders/";

    public async Task<(ArchivedSpsOrder? Order, string? ETag)> ReadAsync(string orderKey, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Payloads.GetBlobClient(BlobName(orderKey)).DownloadContentAsync(cancellationToken);
            return (CanonicalJson.FromElement<ArchivedSpsOrder>(content.Value.Content.ToObjectFromJson<System.Text.Json.JsonElement>()), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return (null, null);
        }
    }

    public async Task SaveAsync(ArchivedSpsOrder order, string? etag, CancellationToken cancellationToken)
    {
        var conditions = etag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(etag) };
        try
        {
            await storage.Payloads.GetBlobClient(BlobName(order.OrderKey)).UploadAsync(
                BinaryData.FromString(CanonicalJson.ToElement(order).GetRawText()), new BlobUploadOptions { Conditions = conditions }, cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
        {
            throw new SpsArchiveConflictException(order.OrderKey);
        }
    }

    private static string BlobName(string orderKey) => Prefix + TableKeys.Escape(orderKey) + ".json";
}

/// <summary>The archive in memory, for tests of the mappers that read it.</summary>
public sealed class InMemorySpsOrderArchive : ISpsOrderArchive
{
    private readonly ConcurrentDictionary<string, (ArchivedSpsOrder Order, string ETag)> _orders = new(StringComparer.Ordinal);

    public Task<(ArchivedSpsOrder? Order, string? ETag)> ReadAsync(string orderKey, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.TryGetValue(orderKey, out var entry) ? ((ArchivedSpsOrder?)entry.Order, (string?)entry.ETag) : (null, null));

    public Task SaveAsync(ArchivedSpsOrder order, string? etag, CancellationToken cancellationToken)
    {
        var next = (order, Guid.NewGuid().ToString("N"));
        var saved = etag is null ? _orders.TryAdd(order.OrderKey, next) : _orders.TryGetValue(order.OrderKey, out var current) && current.ETag == etag && _orders.TryUpdate(order.OrderKey, next, current);
        return saved ? Task.CompletedTask : throw new SpsArchiveConflictException(order.OrderKey);
    }
}
