using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Reads and changes record rows. Every change is one single-entity merge carrying the status change and its
/// history entry (<see cref="InlineHistory"/>), so state and lineage never disagree and cost one storage call.
/// A row read with more than <see cref="InlineHistoryLimit"/> inline entries has them moved to archive rows in
/// its partition on the way, which keeps rows small however often a record changes. Each record has a partition of
/// its own (<see cref="RecordKeys"/>), so every point operation stays as cheap at 100,000 records as at 1,000.
/// </summary>
public sealed class RecordStore
{
    /// <summary>About ten versions' worth of stages; a row holds 252 properties, of which ours take 20.</summary>
    public const int InlineHistoryLimit = 32;

    /// <summary>Row operations of one batch call (an intake page) in flight at once.</summary>
    private const int ConcurrentRowOperations = 16;

    private const int MaxTransactionActions = 100;

    private const int MaxReasonChars = 16_000;

    private static readonly HashSet<string> ServiceProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public RecordStore(PipelineStorage storage, TimeProvider time)
    {
        _table = storage.Records;
        _time = time;
    }

    public RecordKeys Keys { get; } = new();

    public async Task<RecordEntity?> GetAsync(string flow, string sourceKey, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            Keys.PartitionKey(flow, sourceKey), RecordKeys.RecordRowKey(sourceKey), cancellationToken: cancellationToken);
        return response.HasValue ? await ToRecordAsync(response.Value!, cancellationToken) : null;
    }

    /// <summary>The rows that exist for these keys: one point read each (every record has its own partition), a few at a time.</summary>
    public async Task<IReadOnlyDictionary<string, RecordEntity>> GetManyAsync(string flow, IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, RecordEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(sourceKeys.Distinct(StringComparer.Ordinal), Concurrently(cancellationToken), async (key, ct) =>
        {
            if (await GetAsync(flow, key, ct) is { } row)
            {
                found[key] = row;
            }
        });
        return found;
    }

    /// <summary>Applies one change with its history entry. With <paramref name="ifMatch"/>, fails with <see cref="RecordChangedException"/> if the row moved on.</summary>
    public async Task<ETag> ApplyAsync(string flow, string sourceKey, RecordUpdate update, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var row = Row(flow, sourceKey, update);
        try
        {
            var response = ifMatch is { } etag
                ? await _table.UpdateEntityAsync(row, etag, TableUpdateMode.Merge, cancellationToken)
                : await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex))
        {
            throw new RecordChangedException(flow, sourceKey, ex);
        }
    }

    /// <summary>
    /// Adds a history entry without changing the record's state (a delivery dropped because the record already moved
    /// past it): the row's status, versions and reason stay as they are. <paramref name="stillInFlight"/> also restarts
    /// the row's in-flight clock (a deferred message is alive, so a re-read must not admit the version again).
    /// </summary>
    public async Task AppendHistoryAsync(string flow, string sourceKey, HistoryEntry entry, CancellationToken cancellationToken, bool stillInFlight = false)
    {
        var row = new TableEntity(Keys.PartitionKey(flow, sourceKey), RecordKeys.RecordRowKey(sourceKey))
        {
            [InlineHistory.PropertyName(entry)] = InlineHistory.Serialize(entry),
        };
        if (stillInFlight)
        {
            row[nameof(RecordEntity.UpdatedAt)] = _time.GetUtcNow();
        }

        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Applies the same kind of change to many records, one merge each (records share no partition), a few at a time.</summary>
    public async Task<IReadOnlyDictionary<string, ETag>> ApplyManyAsync(string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update)> changes, CancellationToken cancellationToken)
    {
        var etags = new System.Collections.Concurrent.ConcurrentDictionary<string, ETag>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changes, Concurrently(cancellationToken), async (change, ct) =>
        {
            var response = await _table.UpsertEntityAsync(Row(flow, change.SourceKey, change.Update), TableUpdateMode.Merge, ct);
            etags[change.SourceKey] = response.Headers.ETag ?? default;
        });
        return etags;
    }

    /// <summary>
    /// Creates rows for records never seen before without reading first: one insert each, a few at a time. An insert
    /// that meets an existing row changes nothing and its record comes back as a conflict for the caller to read and
    /// decide on. Returns the new rows' ETags and the conflicting keys.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, ETag> Created, IReadOnlyList<string> Conflicts)> TryCreateManyAsync(
        string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update)> changes, CancellationToken cancellationToken)
    {
        var created = new System.Collections.Concurrent.ConcurrentDictionary<string, ETag>(StringComparer.Ordinal);
        var conflicts = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(changes, Concurrently(cancellationToken), async (change, ct) =>
        {
            try
            {
                var response = await _table.AddEntityAsync(Row(flow, change.SourceKey, change.Update), ct);
                created[change.SourceKey] = response.Headers.ETag ?? default;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                conflicts.Add(change.SourceKey);
            }
        });
        return (created, conflicts.ToList());
    }

    public async IAsyncEnumerable<RecordEntity> QueryAsync(string flow, RecordStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statusFilter = status is { } wanted ? $" and Status eq '{wanted}'" : string.Empty;
        var filter = $"{RecordKeys.FlowPartitionsFilter(flow)} and {RecordKeys.RecordRangeFilter}{statusFilter}";
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return await ToRecordAsync(entity, cancellationToken);
        }
    }

    /// <summary>How many of the flow's records are in each status, reading only the Status column.</summary>
    public async Task<IReadOnlyDictionary<RecordStatus, int>> CountByStatusAsync(string flow, CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<RecordStatus>().ToDictionary(status => status, _ => 0);
        var filter = $"{RecordKeys.FlowPartitionsFilter(flow)} and {RecordKeys.RecordRangeFilter}";
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: [nameof(RecordEntity.Status)], cancellationToken: cancellationToken))
        {
            counts[Enum.Parse<RecordStatus>(row.GetString(nameof(RecordEntity.Status)))]++;
        }

        return counts;
    }

    /// <summary>Every stage the record passed through, oldest first: archived entries, then those still on the row.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string flow, string sourceKey, CancellationToken cancellationToken)
    {
        var partition = Keys.PartitionKey(flow, sourceKey);
        var entries = new List<HistoryEntry>();
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and {RecordKeys.HistoryRangeFilter(sourceKey)}";
        await foreach (var archived in _table.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(archived.ToEntry());
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, RecordKeys.RecordRowKey(sourceKey), cancellationToken: cancellationToken);
        if (row.HasValue)
        {
            entries.AddRange(InlineHistory.Read(row.Value!).Select(inline => inline.Entry));
        }

        return entries.OrderBy(entry => entry.At).ToList();
    }

    /// <summary>The row properties an update sets, plus its history entry.</summary>
    private TableEntity Row(string flow, string sourceKey, RecordUpdate update)
    {
        var now = _time.GetUtcNow();
        var row = new TableEntity(Keys.PartitionKey(flow, sourceKey), RecordKeys.RecordRowKey(sourceKey))
        {
            [nameof(RecordEntity.Flow)] = flow,
            [nameof(RecordEntity.SourceKey)] = sourceKey,
            [nameof(RecordEntity.Status)] = update.Status.ToString(),
            [nameof(RecordEntity.SourceVersion)] = update.SourceVersion,
            [nameof(RecordEntity.CorrelationId)] = update.CorrelationId,
            [nameof(RecordEntity.UpdatedAt)] = now,
        };
        SetIfPresent(row, nameof(RecordEntity.SourceModifiedAt), update.SourceModifiedAt);
        SetIfPresent(row, nameof(RecordEntity.TargetId), update.TargetId);
        SetIfPresent(row, nameof(RecordEntity.WrittenVersion), update.WrittenVersion);
        SetIfPresent(row, nameof(RecordEntity.Reason), Bounded(update.Reason));
        SetIfPresent(row, nameof(RecordEntity.Attempts), update.Attempts);
        SetIfPresent(row, nameof(RecordEntity.LastAttemptAmbiguous), update.LastAttemptAmbiguous);
        SetIfPresent(row, nameof(RecordEntity.Summary), update.Summary);
        SetIfPresent(row, nameof(RecordEntity.PendingPayload), update.PendingPayload);
        SetIfPresent(row, nameof(RecordEntity.PendingPayloadBlob), update.PendingPayloadBlob);
        SetIfPresent(row, nameof(RecordEntity.MappedDocument), update.MappedDocument);
        SetIfPresent(row, nameof(RecordEntity.MappedDocumentBlob), update.MappedDocumentBlob);
        SetIfPresent(row, nameof(RecordEntity.MissingMappings), update.MissingMappings);

        var entry = new HistoryEntry(
            update.Stage,
            update.Status.ToString(),
            update.SourceVersion,
            update.Attempt,
            update.TargetId,
            string.IsNullOrEmpty(update.Reason) ? null : update.Reason,
            update.CorrelationId,
            now);
        row[InlineHistory.PropertyName(entry)] = InlineHistory.Serialize(entry);
        return row;
    }

    private async Task<RecordEntity> ToRecordAsync(TableEntity row, CancellationToken cancellationToken) =>
        RecordEntity.From(InlineHistory.Count(row) > InlineHistoryLimit ? await ArchiveHistoryAsync(row, cancellationToken) : row);

    /// <summary>
    /// Moves the row's oldest inline entries (up to a transaction's worth) to archive rows and rewrites the row
    /// without them, conditional on its ETag. If the row moved on meanwhile nothing changes; a later read tries again.
    /// </summary>
    private async Task<TableEntity> ArchiveHistoryAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var moving = InlineHistory.Read(row).Take(MaxTransactionActions - 1).ToList();
        var moved = moving.Select(inline => inline.Property).ToHashSet(StringComparer.Ordinal);
        var kept = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (!ServiceProperties.Contains(name) && !moved.Contains(name))
            {
                kept[name] = value;
            }
        }

        var flow = row.GetString(nameof(RecordEntity.Flow));
        var sourceKey = row.GetString(nameof(RecordEntity.SourceKey));
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, kept, row.ETag) };
        actions.AddRange(moving.Select(inline => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, HistoryEntity.Archive(row.PartitionKey, flow, sourceKey, inline.Entry))));
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            kept.ETag = response.Value[0].Headers.ETag ?? default;
            return kept;
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex))
        {
            return row;
        }
    }

    /// <summary>A target may answer with a whole page of text; the row keeps its start (a table property holds 32K characters).</summary>
    private static string? Bounded(string? reason) =>
        reason is { Length: > MaxReasonChars } ? string.Concat(reason.AsSpan(0, MaxReasonChars), "…") : reason;

    private static void SetIfPresent(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static ParallelOptions Concurrently(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = ConcurrentRowOperations, CancellationToken = cancellationToken };

    private static bool IsConditionFailure(RequestFailedException ex) =>
        ex.Status == 412 || ex.ErrorCode is "UpdateConditionNotSatisfied" or "ConditionNotMet" or "ResourceNotFound" || ex.Status == 404;
}

/// <summary>The row changed since the ETag the caller held (another stage or a redelivery got there first).</summary>
public sealed class RecordChangedException(string flow, string sourceKey, Exception innerException)
    : Exception($"Record {sourceKey} of flow {flow} changed since it was last read.", innerException);
