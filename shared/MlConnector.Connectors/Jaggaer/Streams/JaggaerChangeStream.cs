using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Jaggaer.Streams;

/// <summary>
/// A J1P list read for changes: <c>flt</c> asks for rows stamped at or after the start, each server page becomes a
/// source page. Key = the resource's id field, version = its change stamp (a hash of the row when it has none).
/// Rows already returned in this run (a row moved between two page reads) and rows older than the start are dropped.
/// A row without its id is not skipped: it becomes a record keyed by a hash of its content, which the mapper rejects
/// with the reason, so a sync that read rows it cannot use says so.
/// </summary>
public sealed class JaggaerChangeStream : ISourceStream
{
    private readonly JaggaerClient _client;
    private readonly JaggaerResource _resource;

    public JaggaerChangeStream(JaggaerClient client, JaggaerResource resource)
    {
        _client = client;
        _resource = resource;
        Definition = new StreamDefinition
        {
            Name = resource.StreamName,
            CursorKind = CursorKind.Timestamp,
            CursorField = resource.StampField,
            Pagination = PaginationKind.RecordOffset,

            // The server sets the page size (J1P has no page-size parameter); this is only what the engine expects.
            PageSize = 20,

            // J1P does not document the order of lists, so the cursor moves only after a whole run.
            OrderedByCursorField = false,
        };
    }

    public StreamDefinition Definition { get; }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = JaggaerFilter.None.And(_resource.BaseFilter).ChangedSince(_resource.ChangeFilterField, from.Since, _resource.ChangeFilterFormat);
        var seen = new HashSet<(string Key, string Version)>();
        await foreach (var page in _resource.List(_client, filter, cancellationToken))
        {
            var records = new List<SourceRecord>(page.Rows.Count);
            foreach (var row in page.Rows)
            {
                var stamp = _resource.StampOf(row);
                if (from.Since is { } since && stamp < since)
                {
                    continue;
                }

                var key = _resource.KeyOf(row) ?? KeyOfRowWithoutId(row);

                var version = VersionOf(stamp, row);
                if (seen.Add((key, version)))
                {
                    records.Add(new SourceRecord(key, version, stamp, row));
                }
            }

            if (records.Count > 0)
            {
                yield return new SourcePage(records);
            }
        }
    }

    /// <summary>The record key of a row that lacks its id: <c>row-</c> and a hash of its content.</summary>
    public static string KeyOfRowWithoutId(JsonElement row) => "row-" + Hash(row);

    /// <summary>The change stamp normalised so re-reads compare equal; without one, a hash of the row's content.</summary>
    public static string VersionOf(DateTimeOffset? stamp, JsonElement row) =>
        stamp?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        ?? "sha256:" + Hash(row);

    private static string Hash(JsonElement row) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.GetRawText())))[..16].ToLowerInvariant();
}
