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

    /// <summary>Reads and conditional merges a write outcome may take while other stages keep changing the row.</summary>
    private const int MaxSettleAttempts = 5;

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

    /// <summary>
    /// Applies the same kind of change to many records, one merge each (records share no partition), a few at a time, each
    /// only if its row is still as the caller read it (no ETag: a row the caller found missing is created or merged).
    /// Returns the new ETags and the keys whose rows moved on meanwhile.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, ETag> Applied, IReadOnlyList<string> Changed)> ApplyManyIfUnchangedAsync(
        string flow, IReadOnlyList<(string SourceKey, RecordUpdate Update, ETag? IfMatch)> changes, CancellationToken cancellationToken)
    {
        var etags = new System.Collections.Concurrent.ConcurrentDictionary<string, ETag>(StringComparer.Ordinal);
        var changed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(changes, Concurrently(cancellationToken), async (change, ct) =>
        {
            try
            {
                etags[change.SourceKey] = await ApplyAsync(flow, change.SourceKey, change.Update, change.IfMatch, ct);
            }
            catch (RecordChangedException)
            {
                changed.Add(change.SourceKey);
            }
        });
        return (etags, changed.ToList());
    }

    /// <summary>Takes the record's write claim if the row is still as read (<see cref="WriteClaim"/>). Fails with <see cref="RecordChangedException"/> if it moved on.</summary>
    public async Task<ETag> ClaimWriteAsync(string flow, string sourceKey, WriteClaim claim, ETag ifMatch, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Keys.PartitionKey(flow, sourceKey), RecordKeys.RecordRowKey(sourceKey));
        SetClaim(row, claim);
        try
        {
            var response = await _table.UpdateEntityAsync(row, ifMatch, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex))
        {
            throw new RecordChangedException(flow, sourceKey, ex);
        }
    }

    /// <summary>Releases <paramref name="claim"/> if the record still holds it (a deferred write), leaving everything else as it is.</summary>
    public async Task ReleaseWriteClaimAsync(string flow, string sourceKey, WriteClaim claim, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(flow, sourceKey, cancellationToken);
            if (current?.WriteClaimId != claim.Id)
            {
                return;
            }

            var row = new TableEntity(current.PartitionKey, current.RowKey);
            ReleaseClaim(row);
            try
            {
                await _table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (IsConditionFailure(ex) && attempt < MaxSettleAttempts)
            {
                // The row moved between the read and the merge: read it once more.
            }
        }
    }

    /// <summary>
    /// Records a write attempt's outcome (<paramref name="update"/>, made by the holder of <paramref name="claim"/>). If the
    /// row is as the claim left it (<paramref name="claimETag"/>) it is applied as it is; if only notes changed it since, it is
    /// applied on a fresh read. If a newer version was admitted meanwhile, the row keeps that version's state and takes only
    /// what stays true of this attempt: the target id and written version of a write that happened, the claim's release,
    /// and the history entry. The result says which happened.
    /// </summary>
    public async Task<WriteSettlement> SettleWriteAsync(string flow, string sourceKey, RecordUpdate update, WriteClaim? claim, ETag? claimETag, CancellationToken cancellationToken)
    {
        if (claimETag is { } etag)
        {
            try
            {
                return new WriteSettlement(await ApplyAsync(flow, sourceKey, update, etag, cancellationToken), Superseded: false);
            }
            catch (RecordChangedException)
            {
                // Read below and settle on what the row says now.
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var row = await GetAsync(flow, sourceKey, cancellationToken);
            var ownsClaim = row?.WriteClaimId is null || row.WriteClaimId == claim?.Id;
            try
            {
                if (row is null || row.SourceVersion == update.SourceVersion)
                {
                    var settled = update with { ReleasesWriteClaim = update.ReleasesWriteClaim && ownsClaim };
                    return new WriteSettlement(await ApplyAsync(flow, sourceKey, settled, row?.ETag, cancellationToken), Superseded: false);
                }

                return new WriteSettlement(await ApplySupersededAsync(row, update, ownsClaim, cancellationToken), Superseded: true);
            }
            catch (RecordChangedException) when (attempt < MaxSettleAttempts)
            {
                // The row moved again between the read and the merge: read it once more.
            }
        }
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
        if (update.TakesWriteClaim is { } claim)
        {
            SetClaim(row, claim);
        }
        else if (update.ReleasesWriteClaim)
        {
            ReleaseClaim(row);
        }

        var entry = Entry(update, now);
        row[InlineHistory.PropertyName(entry)] = InlineHistory.Serialize(entry);
        return row;
    }

    /// <summary>A superseded attempt's outcome: the newer version's status and versions stay, what this attempt did is added.</summary>
    private async Task<ETag> ApplySupersededAsync(RecordEntity current, RecordUpdate update, bool ownsClaim, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var row = new TableEntity(current.PartitionKey, current.RowKey);
        if (current.StatusValue != RecordStatus.Written)
        {
            // The newer version has not been written: its write finds the target record by this id.
            SetIfPresent(row, nameof(RecordEntity.TargetId), current.TargetId ?? update.TargetId);
            SetIfPresent(row, nameof(RecordEntity.WrittenVersion), update.WrittenVersion);
        }

        if (ownsClaim && update.ReleasesWriteClaim)
        {
            ReleaseClaim(row);
        }

        var note = $"version {current.SourceVersion} was admitted while version {update.SourceVersion} was being written; the row follows version {current.SourceVersion}";
        var entry = Entry(update with { Reason = Bounded(string.IsNullOrEmpty(update.Reason) ? note : $"{update.Reason} ({note})") }, now);
        row[InlineHistory.PropertyName(entry)] = InlineHistory.Serialize(entry);
        try
        {
            var response = await _table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex))
        {
            throw new RecordChangedException(current.Flow, current.SourceKey, ex);
        }
    }

    private static HistoryEntry Entry(RecordUpdate update, DateTimeOffset now) => new(
            update.Stage,
            update.Status.ToString(),
            update.SourceVersion,
            update.Attempt,
            update.TargetId,
            string.IsNullOrEmpty(update.Reason) ? null : update.Reason,
            update.CorrelationId,
            now);

    private static void SetClaim(TableEntity row, WriteClaim claim)
    {
        row[nameof(RecordEntity.WritingVersion)] = claim.Version;
        row[nameof(RecordEntity.WriteClaimId)] = claim.Id;
        row[nameof(RecordEntity.WritingUntil)] = claim.Until;
    }

    /// <summary>Merges cannot remove a property: a released claim is an empty id, read back as none.</summary>
    private static void ReleaseClaim(TableEntity row)
    {
        row[nameof(RecordEntity.WritingVersion)] = string.Empty;
        row[nameof(RecordEntity.WriteClaimId)] = string.Empty;
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

/// <summary>A write outcome recorded on its row; <paramref name="Superseded"/>: a newer version was admitted meanwhile and the row follows it.</summary>
public sealed record WriteSettlement(ETag ETag, bool Superseded);

/// <summary>The row changed since the ETag the caller held (another stage or a redelivery got there first).</summary>
public sealed class RecordChangedException(string flow, string sourceKey, Exception innerException)
    : Exception($"Record {sourceKey} of flow {flow} changed since it was last read.", innerException);
