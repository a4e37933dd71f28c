using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Cursors;

/// <summary>
/// Sync cursors with ETag concurrency: a poll saves its cursor only if nobody moved it meanwhile, so two
/// overlapping runs cannot move a cursor backwards or past records the other has not enqueued.
/// </summary>
public sealed class CursorStore(PipelineStorage storage)
{
    private readonly TableClient _table = storage.Cursors;

    public async Task<CursorEntity?> GetAsync(string flow, string stream, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<CursorEntity>(TableKeys.Escape(flow), TableKeys.Escape(stream), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Saves the cursor if the row still has <paramref name="expected"/> (null: the row must not exist yet). Returns the new ETag.</summary>
    public async Task<ETag> SaveAsync(string flow, string stream, CursorEntity cursor, ETag? expected, CancellationToken cancellationToken)
    {
        cursor.PartitionKey = TableKeys.Escape(flow);
        cursor.RowKey = TableKeys.Escape(stream);
        try
        {
            var response = expected is { } etag
                ? await _table.UpdateEntityAsync(cursor, etag, TableUpdateMode.Replace, cancellationToken)
                : await _table.AddEntityAsync(cursor, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new CursorConflictException(flow, stream, ex);
        }
    }

    /// <summary>Sets a cursor by hand (`mlc cursor reset`): to an instant, or cleared to read everything again.</summary>
    public async Task ResetAsync(string flow, string stream, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(flow, stream, cancellationToken) ?? new CursorEntity();
        existing.Value = to?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;
        existing.PartitionKey = TableKeys.Escape(flow);
        existing.RowKey = TableKeys.Escape(stream);
        await _table.UpsertEntityAsync(existing, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Notes a failed run on the cursor row (the cursor itself stays where it was), for `mlc status` and alerts.</summary>
    public async Task RecordFailureAsync(string flow, string stream, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(flow), TableKeys.Escape(stream))
        {
            [nameof(CursorEntity.LastRunFinishedAt)] = at,
            [nameof(CursorEntity.LastRunError)] = error,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public static DateTimeOffset? ParseInstant(string value) =>
        string.IsNullOrEmpty(value) ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string FormatInstant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

public sealed class CursorConflictException(string flow, string stream, Exception innerException)
    : Exception($"The cursor of flow {flow} (stream {stream}) was moved by another run while this one was polling; this run's records are enqueued and the other run's cursor stands.", innerException);
