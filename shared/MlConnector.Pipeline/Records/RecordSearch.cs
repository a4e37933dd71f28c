using Azure.Data.Tables;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Finds records by what an operator has in hand: a source key (one point read per flow), or an X3 document number
/// (the target id) or correlation id (one filtered scan of the record rows; fine for a console, not for a hot path).
/// </summary>
public sealed class RecordSearch(FlowCatalog catalog, RecordStore records, PipelineStorage storage)
{
    public async Task<IReadOnlyList<RecordEntity>> FindAsync(string term, int max, CancellationToken cancellationToken)
    {
        term = term.Trim();
        if (term.Length == 0)
        {
            return [];
        }

        var found = new Dictionary<(string Flow, string Key), RecordEntity>();
        foreach (var flow in catalog.All.Select(f => f.Name).Order(StringComparer.Ordinal))
        {
            if (await records.GetAsync(flow, term, cancellationToken) is { } byKey)
            {
                found[(byKey.Flow, byKey.SourceKey)] = byKey;
            }
        }

        var quoted = term.Replace("'", "''", StringComparison.Ordinal);
        var filter = $"{RecordKeys.RecordRangeFilter} and (TargetId eq '{quoted}' or CorrelationId eq '{quoted}')";
        await foreach (var row in storage.Records.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var record = RecordEntity.From(row);
            found.TryAdd((record.Flow, record.SourceKey), record);
            if (found.Count >= max)
            {
                break;
            }
        }

        return found.Values.OrderBy(r => r.Flow, StringComparer.Ordinal).ThenBy(r => r.SourceKey, StringComparer.Ordinal).Take(max).ToList();
    }
}
