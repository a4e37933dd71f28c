using Azure.Data.Tables;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Storage;

namespace MlConnector.OperatorConsole.Data;

/// <summary>
/// Reject reasons an operator has seen. A reason group nobody acknowledged is "new" (the Needs attention badge,
/// matching the alert that fired for it); once no record has that reason any more, its acknowledgment is dropped,
/// so the same reason coming back later is new again. Rows live in the operator audit table's <c>~seen</c> partition.
/// </summary>
public sealed class AcknowledgedReasons(PipelineStorage storage)
{
    private const string Partition = OperatorAudit.AcknowledgedPartition;

    public async Task<IReadOnlySet<string>> AllAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.Audit.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    public Task AcknowledgeAsync(string groupId, string flow, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.Audit.UpsertEntityAsync(new TableEntity(Partition, groupId) { ["Flow"] = flow, ["Reason"] = reason, ["By"] = actor, ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Forgets acknowledgments of reasons no record has any more.</summary>
    public async Task ForgetResolvedAsync(IReadOnlySet<string> current, CancellationToken cancellationToken)
    {
        foreach (var id in await AllAsync(cancellationToken))
        {
            if (!current.Contains(id))
            {
                await storage.Audit.DeleteEntityAsync(Partition, id, cancellationToken: cancellationToken);
            }
        }
    }
}
