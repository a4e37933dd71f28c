using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// An X3 customer invoice: the canonical <see cref="Core.Documents.Invoice"/> (Supplier = the bill-to customer), the X3
/// sales unit of each line (the canonical invoice line has none) and whether X3 has validated it; when it invoices an X3
/// sales order, that order's number (SOHNUM) and the external reference the order carries (e.g. an SPS order key), so a
/// channel can tell which invoices answer its own orders.
/// </summary>
public sealed record X3SalesInvoice(Invoice Invoice, IReadOnlyList<string> LineUnits, bool IsValidated, string? SalesOrderNumber = null, string? OrderExternalReference = null);

/// <summary>
/// Validated customer invoices from X3 (SINVOICE), for flows that send them out: key = invoice number, payload = an
/// <see cref="X3SalesInvoice"/>, version = a hash of it. Invoices not yet validated are left for a later poll: a draft
/// can still change and must not reach a trading partner.
/// </summary>
public sealed class SageX3SalesInvoiceStream(SageX3Reader reader, IOptionsMonitor<SageX3Options> options) : ISourceStream
{
    public const string Name = "x3-sales-invoices";

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
        await foreach (var page in reader.ReadSalesInvoicesAsync(from.Since, cancellationToken))
        {
            var records = page.Items
                .Where(change => change.Document.IsValidated)
                .Select(change =>
                {
                    var payload = CanonicalJson.ToElement(change.Document);
                    var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.GetRawText())))[..16];
                    return new SourceRecord(change.Key, version, change.UpdatedAt, payload);
                })
                .ToList();
            yield return new SourcePage(records, page.ResumeToken);
        }
    }
}
