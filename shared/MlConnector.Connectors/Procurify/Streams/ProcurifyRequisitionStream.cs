using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Approved requisitions (status 1) changed since a time, each with its lines read from
/// <c>/api/v3/order-items/?order_num=</c> and attached as <c>order_items</c>. Key = <c>num</c>, version = <c>dateModified</c>.
/// </summary>
public sealed class ProcurifyRequisitionStream : ISourceStream
{
    private readonly ProcurifyClient _client;

    public ProcurifyRequisitionStream(ProcurifyClient client, IOptions<ProcurifyOptions> options)
    {
        _client = client;
        Definition = ProcurifyStreamDefinitions.For(ProcurifyNames.RequisitionStream, options.Value.PageSize);
    }

    public StreamDefinition Definition { get; }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new ChangedRecordFilter(from.Since);
        var query = new ProcurifyQuery()
            .Add("status", ProcurifyClient.RequisitionApproved)
            .AddDayRange("modified_date", filter.FirstDay);
        await foreach (var page in _client.ListRequisitionsAsync(query, cancellationToken))
        {
            var records = new List<SourceRecord>(page.Data.Count);
            foreach (var requisition in page.Data)
            {
                var id = ProcurifyPurchaseOrderFields.RequisitionIdOf(requisition);
                var modifiedAt = ProcurifyPurchaseOrderFields.RequisitionModifiedAt(requisition);
                if (id is null || !filter.IsInWindow(modifiedAt))
                {
                    continue;
                }

                var version = ChangedRecordFilter.VersionOf(modifiedAt, requisition.Text("dateModified"));
                if (!filter.IsFirstSighting(id, version))
                {
                    continue;
                }

                var lines = await ReadLinesAsync(id, cancellationToken);
                records.Add(new SourceRecord(id, version, modifiedAt, OrderItemsPayload.Attach(requisition, lines)));
            }

            if (records.Count > 0)
            {
                yield return new SourcePage(records);
            }
        }
    }

    private async Task<List<JsonElement>> ReadLinesAsync(string requisitionNumber, CancellationToken cancellationToken)
    {
        var lines = new List<JsonElement>();
        var query = new ProcurifyQuery().Add("order_num", requisitionNumber);
        await foreach (var page in _client.ListOrderItemsAsync(query, cancellationToken))
        {
            lines.AddRange(page.Data);
        }

        return lines;
    }
}
