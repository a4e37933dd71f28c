using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Replay;

/// <summary>What an operator asks first: per flow, the last run, the cursor, counts by status; and the poison depth.</summary>
public sealed class PipelineStatusReader(FlowCatalog catalog, CursorStore cursors, RecordStore records, WebhookInbox inbox, PipelineStorage storage, PipelineMetrics metrics)
{
    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var flows = new List<FlowStatus>();
        foreach (var flow in catalog.All.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var cursor = flow.IsPolled ? await cursors.GetAsync(flow.Name, catalog.Parts(flow.Name).Source.Definition.Name, cancellationToken) : null;
            var counts = await records.CountByStatusAsync(flow.Name, cancellationToken);

            var inboxBatches = await inbox.CountAsync(flow.Name, cancellationToken);
            flows.Add(new FlowStatus(flow.Name, flow.Description, flow.IsPolled, cursor?.LastRunFinishedAt ?? cursor?.LastRunStartedAt, cursor?.Value, counts, cursor?.LastRunError, inboxBatches));
        }

        var mapPoison = await DepthAsync(storage.MapPoisonQueue, cancellationToken);
        var writePoison = await DepthAsync(storage.WritePoisonQueue, cancellationToken);
        metrics.PoisonDepth(storage.Names.MapPoisonQueue, mapPoison);
        metrics.PoisonDepth(storage.Names.WritePoisonQueue, writePoison);
        return new PipelineStatus(flows, mapPoison, writePoison);
    }

    public async Task<IReadOnlyList<RecordEntity>> RejectsAsync(string? flow, CancellationToken cancellationToken)
    {
        var rejects = new List<RecordEntity>();
        foreach (var name in flow is null ? catalog.All.Select(f => f.Name) : [catalog.Get(flow).Name])
        {
            await foreach (var row in records.QueryAsync(name, RecordStatus.Rejected, cancellationToken))
            {
                rejects.Add(row);
            }

            await foreach (var row in records.QueryAsync(name, RecordStatus.Failed, cancellationToken))
            {
                rejects.Add(row);
            }
        }

        return rejects.OrderBy(r => r.Flow, StringComparer.Ordinal).ThenBy(r => r.SourceKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>One record's current state and every stage it passed through, or null if the flow never saw it.</summary>
    public async Task<RecordLineage?> LineageAsync(string flow, string sourceKey, CancellationToken cancellationToken)
    {
        var name = catalog.Get(flow).Name;
        var row = await records.GetAsync(name, sourceKey, cancellationToken);
        return row is null ? null : new RecordLineage(row, await records.HistoryAsync(name, sourceKey, cancellationToken));
    }

    private static async Task<long> DepthAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken cancellationToken) =>
        (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
}

public sealed record RecordLineage(RecordEntity Record, IReadOnlyList<HistoryEntry> History);

public sealed record PipelineStatus(IReadOnlyList<FlowStatus> Flows, long MapPoisonDepth, long WritePoisonDepth);

/// <param name="InboxBatches">Webhook batches stored but not yet admitted (normally 0; see docs/operations.md).</param>
public sealed record FlowStatus(string Name, string Description, bool IsPolled, DateTimeOffset? LastRun, string? Cursor, IReadOnlyDictionary<RecordStatus, int> Counts, string? LastRunError, int InboxBatches);
