using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// Sales order changes (SORDER): key = SOHNUM, version = its update stamp, payload = a canonical
/// <see cref="MlConnector.Core.Documents.SalesOrder"/> (with the external reference it carries).
/// </summary>
public sealed class SageX3SalesOrderStream(SageX3Reader reader, IOptionsMonitor<SageX3Options> options) : ISourceStream
{
    public const string Name = "x3-sales-orders";

    public StreamDefinition Definition => new()
    {
        Name = Name,
        CursorKind = CursorKind.Timestamp,
        CursorField = options.CurrentValue.Mode == SageX3Mode.Rest ? "UPDDATTIM" : "_updateStamp",
        Pagination = options.CurrentValue.Mode == SageX3Mode.Rest ? PaginationKind.NextLink : PaginationKind.CursorToken,
        PageSize = options.CurrentValue.PageSize,
        OrderedByCursorField = false,
    };

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in reader.ReadSalesOrdersAsync(from.Since, cancellationToken))
        {
            var records = page.Items
                .Select(change => new SourceRecord(
                    change.Key,
                    change.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "unstamped",
                    change.UpdatedAt,
                    CanonicalJson.ToElement(change.Document)))
                .ToList();
            yield return new SourcePage(records, page.ResumeToken);
        }
    }
}
