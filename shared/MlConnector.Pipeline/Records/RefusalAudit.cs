using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Audit rows for webhook deliveries refused before they named a record (bad signature, oversized, malformed).
/// The body is never stored: it is unauthenticated input.
/// </summary>
public sealed class RefusalAudit(PipelineStorage storage, TimeProvider time)
{
    public async Task RecordAsync(string flow, string reason, IEnumerable<string> headerNames, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entity = new TableEntity($"{TableKeys.Escape(flow)}~refused", $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Flow"] = flow,
            ["Reason"] = reason,
            ["Headers"] = string.Join(",", headerNames),
            ["At"] = now,
        };
        await storage.Records.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<(DateTimeOffset At, string Reason)>> RecentAsync(string flow, int max, CancellationToken cancellationToken)
    {
        var rows = new List<(DateTimeOffset, string)>();
        await foreach (var entity in storage.Records.QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.Escape(flow)}~refused'", maxPerPage: max, cancellationToken: cancellationToken))
        {
            rows.Add((entity.GetDateTimeOffset("At") ?? default, entity.GetString("Reason")));
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }
}
