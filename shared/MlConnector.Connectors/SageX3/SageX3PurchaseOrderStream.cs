using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// Purchase-order changes from X3 (PORDER), for flows that send X3 orders out: key = POHNUM, payload = a canonical
/// <see cref="MlConnector.Core.Documents.PurchaseOrder"/>. The version is a hash of that document rather than the
/// update stamp, so an edit that changes nothing a partner sees (our own write of an acknowledgment status, for one)
/// is not a new version and sends nothing.
/// </summary>
public sealed class SageX3PurchaseOrderStream(SageX3Reader reader, IOptionsMonitor<SageX3Options> options) : ISourceStream
{
    public const string Name = "x3-purchase-orders";

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
        await foreach (var page in reader.ReadPurchaseOrdersAsync(from.Since, cancellationToken))
        {
            var records = page.Items
                .Select(change =>
                {
                    var payload = CanonicalJson.ToElement(change.Document);
                    return new SourceRecord(change.Key, ContentVersion(payload.GetRawText()), change.UpdatedAt, payload);
                })
                .ToList();
            yield return new SourcePage(records, page.ResumeToken);
        }
    }

    private static string ContentVersion(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
}
