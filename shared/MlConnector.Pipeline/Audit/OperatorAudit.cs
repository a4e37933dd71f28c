using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Audit;

/// <summary>
/// The operator audit table: one row per change made from the console or the admin API, newest first. Partition =
/// the flow (or <see cref="GlobalPartition"/> for changes that span flows, like a mapping import), row = reversed
/// time, so a flow's recent actions and a record's actions are one partition query away.
/// </summary>
public sealed class OperatorAudit(PipelineStorage storage, TimeProvider time)
{
    public const string GlobalPartition = "~all";

    /// <summary>Reject reasons operators have seen (the console's "new" badge) share this table; they are not actions.</summary>
    public const string AcknowledgedPartition = "~seen";

    /// <summary>Record keys kept per action row (a property holds 32K characters).</summary>
    private const int MaxRecordChars = 30_000;

    public async Task<OperatorAction> RecordAsync(string actor, string action, string? flow, IReadOnlyList<string> records, string detail, CancellationToken cancellationToken)
    {
        var entry = new OperatorAction(time.GetUtcNow(), actor, action, flow, records, detail);
        var keys = string.Join('\n', records);
        var entity = new TableEntity(Partition(flow), $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["Actor"] = actor,
            ["Action"] = action,
            ["Flow"] = flow ?? string.Empty,
            ["Records"] = keys.Length <= MaxRecordChars ? keys : keys[..MaxRecordChars],
            ["RecordCount"] = records.Count,
            ["Detail"] = detail,
        };
        await storage.Audit.AddEntityAsync(entity, cancellationToken);
        return entry;
    }

    /// <summary>The newest actions (of one flow, or of all), skipping <paramref name="skip"/>; for the console's audit page.</summary>
    public async Task<IReadOnlyList<OperatorAction>> RecentAsync(string? flow, int skip, int take, CancellationToken cancellationToken)
    {
        var filter = flow is null ? $"PartitionKey ne '{AcknowledgedPartition}'" : $"PartitionKey eq '{Quote(Partition(flow))}'";
        var all = new List<OperatorAction>();
        await foreach (var entity in storage.Audit.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            all.Add(ToAction(entity));
        }

        // Across partitions the service returns partition order, not time order.
        return all.OrderByDescending(action => action.At).Skip(skip).Take(take).ToList();
    }

    /// <summary>Every action that named this record, oldest first, for its lineage timeline.</summary>
    public async Task<IReadOnlyList<OperatorAction>> ForRecordAsync(string flow, string sourceKey, CancellationToken cancellationToken)
    {
        var found = new List<OperatorAction>();
        await foreach (var entity in storage.Audit.QueryAsync<TableEntity>($"PartitionKey eq '{Quote(Partition(flow))}'", cancellationToken: cancellationToken))
        {
            var action = ToAction(entity);
            if (action.Records.Contains(sourceKey, StringComparer.Ordinal))
            {
                found.Add(action);
            }
        }

        return found.OrderBy(action => action.At).ToList();
    }

    private static OperatorAction ToAction(TableEntity entity)
    {
        var flow = entity.GetString("Flow");
        var keys = entity.GetString("Records");
        return new OperatorAction(
            entity.GetDateTimeOffset("At") ?? default,
            entity.GetString("Actor") ?? string.Empty,
            entity.GetString("Action") ?? string.Empty,
            string.IsNullOrEmpty(flow) ? null : flow,
            string.IsNullOrEmpty(keys) ? [] : keys.Split('\n'),
            entity.GetString("Detail") ?? string.Empty);
    }

    private static string Partition(string? flow) => flow is null ? GlobalPartition : TableKeys.Escape(flow);

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
