using System.Text.Json.Nodes;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>One page of X3 rows keyed by X3 field codes (lines under the representation's lines property).</summary>
public sealed record X3RowPage(IReadOnlyList<JsonObject> Rows, string? ResumeToken);

/// <summary>Reads X3 records as flat rows: REST api1 and GraphQL implement it, so mapping happens once.</summary>
public interface IX3RowSource
{
    /// <summary>Rows changed at or after <paramref name="changedSince"/> (all rows when null), page by page.</summary>
    IAsyncEnumerable<X3RowPage> ReadRowsAsync(X3Entity entity, DateTimeOffset? changedSince, CancellationToken cancellationToken);

    /// <summary>The first row whose X3 field equals <paramref name="value"/>, with its lines; null when none.</summary>
    Task<JsonObject?> FindRowAsync(X3Entity entity, string field, string value, CancellationToken cancellationToken);
}
