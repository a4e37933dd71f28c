using Azure.Data.Tables;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;

namespace MlConnector.OperatorConsole.Data;

/// <summary>
/// Rejected and failed records of every flow, grouped by flow, status and reason, newest group first. One query over
/// the record rows (Status is not a key, so the service scans; the console asks for it once per page).
/// </summary>
public sealed class AttentionReader(PipelineStorage storage, AcknowledgedReasons acknowledged)
{
    private static readonly string[] Columns =
    [
        nameof(RecordEntity.Flow), nameof(RecordEntity.SourceKey), nameof(RecordEntity.Status), nameof(RecordEntity.Reason),
        nameof(RecordEntity.MissingMappings), nameof(RecordEntity.UpdatedAt), nameof(RecordEntity.Attempts), nameof(RecordEntity.TargetId),
        nameof(RecordEntity.CorrelationId), nameof(RecordEntity.SourceVersion), nameof(RecordEntity.Summary),
    ];

    public async Task<IReadOnlyList<AttentionGroup>> GroupsAsync(AttentionFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<RecordEntity>();
        var query = $"{RecordKeys.RecordRangeFilter} and (Status eq '{RecordStatus.Rejected}' or Status eq '{RecordStatus.Failed}')";
        await foreach (var entity in storage.Records.QueryAsync<TableEntity>(query, select: Columns, cancellationToken: cancellationToken))
        {
            var row = RecordEntity.From(entity);
            if (filter.Matches(row, now))
            {
                rows.Add(row);
            }
        }

        var seen = await acknowledged.AllAsync(cancellationToken);
        return rows
            .GroupBy(row => (row.Flow, row.StatusValue, Key: RejectReason.GroupKey(row)))
            .Select(group =>
            {
                var records = group.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.SourceKey, StringComparer.Ordinal).ToList();
                var id = AttentionGroup.GroupId(group.Key.Flow, group.Key.Key);
                return new AttentionGroup(group.Key.Flow, group.Key.Key, group.Key.StatusValue, records[0].Reason ?? "(no reason recorded)", MissingMapping.Parse(records[0].MissingMappings), records, seen.Contains(id));
            })
            .OrderByDescending(g => g.Acknowledged ? 0 : 1)
            .ThenByDescending(g => g.Newest)
            .ToList();
    }
}

/// <summary>The Needs attention filters: flow, status and age (since the record's last change).</summary>
public sealed record AttentionFilter(string? Flow, RecordStatus? Status, string? Age)
{
    public static readonly (string Value, string Label)[] Ages = [("", "Any age"), ("day", "Last 24 hours"), ("week", "Last 7 days"), ("older", "Older than 7 days")];

    public bool Matches(RecordEntity row, DateTimeOffset now)
    {
        if (Flow is not null && row.Flow != Flow)
        {
            return false;
        }

        if (Status is { } status && row.StatusValue != status)
        {
            return false;
        }

        var age = now - row.UpdatedAt;
        return Age switch
        {
            "day" => age <= TimeSpan.FromDays(1),
            "week" => age <= TimeSpan.FromDays(7),
            "older" => age > TimeSpan.FromDays(7),
            _ => true,
        };
    }
}
