using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Moves record rows and their archived history rows out of the hash-bucket partitions earlier versions used
/// ("&lt;flow&gt;~00" to "&lt;flow&gt;~98") into one partition per record (<see cref="RecordKeys"/>). Restartable: each row
/// is copied first and its old copy deleted after (conditional on its ETag), and a row already present in the new
/// partition is kept, so a run interrupted half-way is finished by the next one.
/// </summary>
public sealed partial class RecordPartitionMigration(PipelineStorage storage, RecordStore records, ILogger<RecordPartitionMigration> logger)
{
    private static readonly HashSet<string> ServiceProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <summary>Notes in the records table that every row is in this layout, so a start checks one row instead of scanning.</summary>
    private const string MarkerPartition = "~layout";
    private const string MarkerRow = "layout";
    private const int CurrentLayout = 2;

    /// <summary>
    /// True when the records table holds no row of the old layout. With <paramref name="move"/> (a host on one machine,
    /// before its workers start, or `mlc records migrate`) any such row is moved first; without, they are only looked for
    /// among <paramref name="flows"/>. A table found clean is marked so, and later starts read that one row.
    /// </summary>
    public async Task<bool> EnsureCurrentAsync(IEnumerable<string> flows, bool move, CancellationToken cancellationToken)
    {
        var marker = await storage.Records.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken);
        if (marker.HasValue && marker.Value!.GetInt32("Version") >= CurrentLayout)
        {
            return true;
        }

        if (move)
        {
            var moved = await MigrateAsync(cancellationToken);
            if (moved > 0)
            {
                logger.LogWarning("Moved {Count} record rows of an earlier version into one partition per record", moved);
            }
        }
        else
        {
            foreach (var flow in flows)
            {
                await foreach (var _ in LegacyRowsAsync(flow, cancellationToken))
                {
                    return false;
                }
            }
        }

        await storage.Records.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Version"] = CurrentLayout }, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    /// <summary>Moves every row of the old layout; returns how many rows moved.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        await foreach (var row in LegacyRowsAsync(flow: null, cancellationToken))
        {
            var flow = row.GetString(nameof(RecordEntity.Flow));
            var sourceKey = row.GetString(nameof(RecordEntity.SourceKey));
            var copy = new TableEntity(records.Keys.PartitionKey(flow, sourceKey), row.RowKey);
            foreach (var (name, value) in row)
            {
                if (!ServiceProperties.Contains(name))
                {
                    copy[name] = value;
                }
            }

            try
            {
                await storage.Records.AddEntityAsync(copy, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Copied by an earlier, interrupted run (or written since in the new layout): that copy stands.
            }

            try
            {
                await storage.Records.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Gone or changed meanwhile: another migration run got there first.
            }

            moved++;
            if (moved % 1_000 == 0)
            {
                logger.LogInformation("Moved {Count} record rows to their own partitions", moved);
            }
        }

        return moved;
    }

    /// <summary>Record and archive rows whose partition is a flow and a two-digit bucket. One scan of the table.</summary>
    private async IAsyncEnumerable<TableEntity> LegacyRowsAsync(string? flow, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = flow is null ? null : RecordKeys.LegacyPartitionsFilter(flow);
        await foreach (var row in storage.Records.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (LegacyPartition().IsMatch(row.PartitionKey)
                && (row.RowKey.StartsWith(RecordKeys.RecordPrefix, StringComparison.Ordinal) || row.RowKey.StartsWith(RecordKeys.HistoryPrefix, StringComparison.Ordinal))
                && row.GetString(nameof(RecordEntity.Flow)) is { Length: > 0 }
                && row.GetString(nameof(RecordEntity.SourceKey)) is not null)
            {
                yield return row;
            }
        }
    }

    [GeneratedRegex(@"~\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyPartition();
}
