using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Purchase orders changed since a time: lists summaries filtered by <c>modified_date</c>, then reads each one's
/// detail so the record carries its <c>order_items</c>. Key = <c>procurify_PO</c>, version = <c>last_modified</c>.
/// </summary>
public sealed class ProcurifyPurchaseOrderStream : ISourceStream
{
    private readonly ProcurifyClient _client;
    private readonly ProcurifyOptions _options;

    public ProcurifyPurchaseOrderStream(ProcurifyClient client, IOptions<ProcurifyOptions> options)
    {
        _client = client;
        _options = options.Value;
        Definition = ProcurifyStreamDefinitions.For(ProcurifyNames.PurchaseOrderStream, _options.PageSize);
    }

    public StreamDefinition Definition { get; }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new ChangedRecordFilter(from.Since);
        var query = new ProcurifyQuery().AddDayRange("modified_date", filter.FirstDay);
        await foreach (var page in _client.ListPurchaseOrdersAsync(_options.PurchaseOrderRole, _options.PurchaseOrderStatus, query, cancellationToken))
        {
            var records = new List<SourceRecord>(page.Data.Count);
            foreach (var summary in page.Data)
            {
                var id = ProcurifyPurchaseOrderFields.IdOf(summary);
                if (id is null || !filter.IsInWindow(summary.Timestamp("last_modified")))
                {
                    continue;
                }

                // The detail is read after the summary, so its stamp is the newer one and names the version.
                var detail = await _client.GetPurchaseOrderAsync(id, cancellationToken);
                var modifiedAt = detail.Timestamp("last_modified") ?? summary.Timestamp("last_modified");
                var version = ChangedRecordFilter.VersionOf(modifiedAt, detail.Text("last_modified"));
                if (filter.IsFirstSighting(id, version))
                {
                    records.Add(new SourceRecord(id, version, modifiedAt, detail));
                }
            }

            if (records.Count > 0)
            {
                yield return new SourcePage(records);
            }
        }
    }
}
