using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Cursors;

/// <summary>
/// One small row per poll of a flow (in the cursors table, partition <c>{flow}~runs</c>, newest first): when it ran,
/// what it read, how far behind the source it was, and its error. The console draws each flow's lag over a day from it.
/// Rows older than <see cref="Retention"/> are removed as new ones are written.
/// </summary>
public sealed class RunLog(PipelineStorage storage, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(8);

    public async Task RecordAsync(FlowRun run, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(run.Flow), RowKey(run.StartedAt))
        {
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["RecordsRead"] = run.RecordsRead,
            ["Enqueued"] = run.Enqueued,
            ["LagSeconds"] = run.Lag?.TotalSeconds,
            ["Error"] = run.Error,
        };
        await storage.Cursors.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await PruneAsync(run.Flow, cancellationToken);
    }

    /// <summary>The flow's runs since <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<FlowRun>> SinceAsync(string flow, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = new List<FlowRun>();
        var filter = $"PartitionKey eq '{Partition(flow)}' and RowKey le '{RowKey(since)}'";
        await foreach (var entity in storage.Cursors.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var lag = entity.GetDouble("LagSeconds");
            runs.Add(new FlowRun(
                flow,
                entity.GetDateTimeOffset("StartedAt") ?? default,
                entity.GetDateTimeOffset("FinishedAt") ?? default,
                entity.GetInt32("RecordsRead") ?? 0,
                entity.GetInt32("Enqueued") ?? 0,
                lag is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                entity.GetString("Error")));
        }

        runs.Reverse();
        return runs;
    }

    private async Task PruneAsync(string flow, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{Partition(flow)}' and RowKey gt '{RowKey(time.GetUtcNow() - Retention)}'";
        await foreach (var old in storage.Cursors.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await storage.Cursors.DeleteEntityAsync(old.PartitionKey, old.RowKey, cancellationToken: cancellationToken);
        }
    }

    private static string Partition(string flow) => $"{TableKeys.Escape(flow)}~runs";

    private static string RowKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Lag">Age of the newest source change the run saw, at the end of the run; null when it saw none.</param>
public sealed record FlowRun(string Flow, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int RecordsRead, int Enqueued, TimeSpan? Lag, string? Error);
