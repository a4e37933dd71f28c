using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Reads and changes record rows. Every change is one entity-group transaction: the row update (optionally
/// conditional on an ETag) and its history row, so state and lineage never disagree and cost one storage call.
/// </summary>
public sealed class RecordStore
{
    /// <summary>Azure Tables allows 15 comparisons per filter; the partition test takes one.</summary>
    private const int KeysPerQuery = 12;

    private const int MaxTransactionActions = 100;

    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public RecordStore(PipelineStorage storage, IOptions<PipelineOptions> options, TimeProvider time)
    {
        _table = storage.Records;
        _time = time;
        Keys = new RecordKeys(options.Value.RecordBuckets);
    }

    public RecordKeys Keys { get; }

    public async Task<RecordEntity?> GetAsync(string flow, string sourceKey, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<RecordEntity>(
            Keys.PartitionKey(flow, sourceKey), RecordKeys.RecordRowKey(sourceKey), cancellationToken: cancellationToken);
        return response.HasValue ? Normalize(response.Value!) : null;
    }

    /// <summary>The rows that exist for these keys, read with a few queries per partition rather than one read per key.</summary>
    public async Task<IReadOnlyDictionary<string, RecordEntity>> GetManyAsync(string flow, IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RecordEntity>(StringComparer.Ordinal);
        var queries = sourceKeys
            .GroupBy(key => Keys.PartitionKey(flow, key))
            .SelectMany(partition => partition.Chunk(KeysPerQuery).Select(chunk => (Partition: partition.Key, Keys: chunk)))
            .Select(async query =>
            {
                var rows = string.Join(" or ", query.Keys.Select(key => $"RowKey eq '{Quote(RecordKeys.RecordRowKey(key))}'"));
                var filter = $"PartitionKey eq '{Quote(query.Partition)}' and ({rows})";
                var results = new List<RecordEntity>();
                await foreach (var entity in _table.QueryAsync<RecordEntity>(filter, cancellationToken: cancellationToken))
                {
                    results.Add(Normalize(entity));
                }

                return results;
            });
        foreach (var rows in await Task.WhenAll(queries))
        {
            foreach (var row in rows)
            {
                found[row.SourceKey] = row;
            }
        }

        return found;
    }

    /// <summary>Applies one change with its history row. With <paramref name="ifMatch"/>, fails with <see cref="RecordChangedException"/> if the row moved on.</summary>
    public async Task<ETag> ApplyAsync(string flow, string sourceKey, RecordUpdate update, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var actions = Actions(flow, sourceKey, update, ifMatch);
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex))
        {
            throw new RecordChangedException(flow, sourceKey, ex);
        }
    }

    /// <summary>Applies the same kind of change to many records: one transaction per partition and hundred actions.</summary>
    public async Task<IReadOnlyDictionary<string, ETag>> ApplyManyAsync(string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update)> changes, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(Batches(flow, changes).Select(batch => SubmitAsync(flow, batch, create: false, cancellationToken)));
        return outcomes.SelectMany(outcome => outcome).ToDictionary(item => item.SourceKey, item => item.ETag, StringComparer.Ordinal);
    }

    /// <summary>
    /// Creates rows for records never seen before, one transaction per partition and fifty records, without reading
    /// first. A transaction that meets an existing row applies nothing; its records come back as conflicts for the caller
    /// to read and decide on. Returns the new rows' ETags and the conflicting keys.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, ETag> Created, IReadOnlyList<string> Conflicts)> TryCreateManyAsync(
        string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update)> changes, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(Batches(flow, changes).Select(async batch =>
        {
            try
            {
                return (Created: await SubmitAsync(flow, batch, create: true, cancellationToken), Conflicts: Array.Empty<string>());
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                return (Created: [], Conflicts: batch.Select(change => change.SourceKey).ToArray());
            }
        }));
        var created = outcomes.SelectMany(outcome => outcome.Created).ToDictionary(item => item.SourceKey, item => item.ETag, StringComparer.Ordinal);
        return (created, outcomes.SelectMany(outcome => outcome.Conflicts).ToList());
    }

    /// <summary>One transaction's worth of changes: a single partition, two actions (row and history) per record.</summary>
    private IEnumerable<(string SourceKey, RecordUpdate Update)[]> Batches(string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update)> changes) =>
        changes.GroupBy(change => Keys.PartitionKey(flow, change.SourceKey)).SelectMany(partition => partition.Chunk(MaxTransactionActions / 2));

    private async Task<List<(string SourceKey, ETag ETag)>> SubmitAsync(string flow, (string SourceKey, RecordUpdate Update)[] batch, bool create, CancellationToken cancellationToken)
    {
        var actions = batch.SelectMany(change => Actions(flow, change.SourceKey, change.Update, ifMatch: null, create)).ToList();
        var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
        return batch.Select((change, index) => (change.SourceKey, response.Value[index * 2].Headers.ETag ?? default)).ToList();
    }

    public async IAsyncEnumerable<RecordEntity> QueryAsync(string flow, RecordStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statusFilter = status is { } wanted ? $" and Status eq '{wanted}'" : string.Empty;
        foreach (var partition in Keys.Partitions(flow))
        {
            var filter = $"PartitionKey eq '{Quote(partition)}' and {RecordKeys.RecordRangeFilter}{statusFilter}";
            await foreach (var entity in _table.QueryAsync<RecordEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return Normalize(entity);
            }
        }
    }

    public async IAsyncEnumerable<HistoryEntity> HistoryAsync(string flow, string sourceKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{Quote(Keys.PartitionKey(flow, sourceKey))}' and {RecordKeys.HistoryRangeFilter(sourceKey)}";
        await foreach (var entity in _table.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return entity;
        }
    }

    private List<TableTransactionAction> Actions(string flow, string sourceKey, RecordUpdate update, ETag? ifMatch, bool create = false)
    {
        var now = _time.GetUtcNow();
        var partition = Keys.PartitionKey(flow, sourceKey);
        var row = new TableEntity(partition, RecordKeys.RecordRowKey(sourceKey))
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
        SetIfPresent(row, nameof(RecordEntity.Reason), update.Reason);
        SetIfPresent(row, nameof(RecordEntity.Attempts), update.Attempts);
        SetIfPresent(row, nameof(RecordEntity.LastAttemptAmbiguous), update.LastAttemptAmbiguous);
        SetIfPresent(row, nameof(RecordEntity.Summary), update.Summary);
        SetIfPresent(row, nameof(RecordEntity.PendingPayload), update.PendingPayload);
        SetIfPresent(row, nameof(RecordEntity.PendingPayloadBlob), update.PendingPayloadBlob);

        var history = new HistoryEntity
        {
            PartitionKey = partition,
            RowKey = RecordKeys.HistoryRowKey(sourceKey, now, update.Stage, update.Attempt),
            Flow = flow,
            SourceKey = sourceKey,
            Stage = update.Stage,
            Status = update.Status.ToString(),
            SourceVersion = update.SourceVersion,
            TargetId = update.TargetId,
            Reason = string.IsNullOrEmpty(update.Reason) ? null : update.Reason,
            CorrelationId = update.CorrelationId,
            At = now,
        };

        var rowAction = create
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : ifMatch is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, etag)
                : new TableTransactionAction(TableTransactionActionType.UpsertMerge, row);
        return [rowAction, new TableTransactionAction(TableTransactionActionType.UpsertReplace, history)];
    }

    private static void SetIfPresent(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    /// <summary>Merges cannot delete a property, so cleared text is stored empty and read back as null.</summary>
    private static RecordEntity Normalize(RecordEntity entity)
    {
        entity.Reason = NullIfEmpty(entity.Reason);
        entity.PendingPayload = NullIfEmpty(entity.PendingPayload);
        entity.PendingPayloadBlob = NullIfEmpty(entity.PendingPayloadBlob);
        entity.TargetId = NullIfEmpty(entity.TargetId);
        entity.WrittenVersion = NullIfEmpty(entity.WrittenVersion);
        return entity;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private static bool IsConditionFailure(RequestFailedException ex) =>
        ex.Status == 412 || ex.ErrorCode is "UpdateConditionNotSatisfied" or "ConditionNotMet" or "ResourceNotFound" || ex.Status == 404;
}

/// <summary>The row changed since the ETag the caller held (another stage or a redelivery got there first).</summary>
public sealed class RecordChangedException(string flow, string sourceKey, Exception innerException)
    : Exception($"Record {sourceKey} of flow {flow} changed since it was last read.", innerException);
