using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;
using static MlConnector.Connectors.Procurify.ProcurifyFields;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Approved requisitions (status 1) changed since a time, each with its lines read from
/// <c>/api/v3/order-items/?orderNum=</c> and attached as <c>order_items</c>, and the accounts and vendors those lines
/// name by id. Key = <c>num</c>, version = <c>dateModified</c>. A row without a <c>num</c> becomes a record keyed by
/// its UUID, which the mapper rejects with the reason.
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
        var references = new ProcurifyReferenceResolver(_client);
        var query = new ProcurifyQuery()
            .Add("status", ProcurifyClient.RequisitionApproved)
            .AddDayRange("modified_date", filter.FirstDay);
        await foreach (var page in _client.ListRequisitionsAsync(query, cancellationToken))
        {
            var records = new List<SourceRecord>(page.Data.Count);
            foreach (var requisition in page.Data)
            {
                var modifiedAt = ProcurifyPurchaseOrderFields.RequisitionModifiedAt(requisition);
                if (!filter.IsInWindow(modifiedAt))
                {
                    continue;
                }

                var id = ProcurifyPurchaseOrderFields.RequisitionIdOf(requisition);
                var key = id ?? ProcurifyPurchaseOrderFields.KeyOfRowWithoutId(requisition, Requisition.Uuid);
                var version = ChangedRecordFilter.VersionOf(modifiedAt, requisition.Text(Requisition.DateModified));
                if (!filter.IsFirstSighting(key, version))
                {
                    continue;
                }

                if (id is null)
                {
                    records.Add(new SourceRecord(key, version, modifiedAt, requisition));
                    continue;
                }

                var lines = await ReadLinesAsync(id, cancellationToken);
                var resolved = await references.ResolveAsync(lines, withVendors: true, cancellationToken);
                records.Add(new SourceRecord(id, version, modifiedAt, OrderItemsPayload.Attach(requisition, lines, resolved)));
            }

            if (records.Count > 0)
            {
                yield return new SourcePage(records);
            }
        }
    }

    /// <summary>
    /// The requisition's order items. Procurify answers a filter it does not know as if it were absent (every item of the
    /// tenant), so an item of another requisition means the filter was not applied: the run stops with that reason rather
    /// than attach another requisition's lines.
    /// </summary>
    private async Task<List<JsonElement>> ReadLinesAsync(string requisitionNumber, CancellationToken cancellationToken)
    {
        var lines = new List<JsonElement>();
        var query = new ProcurifyQuery().Add(Line.RequisitionNumber, requisitionNumber);
        await foreach (var page in _client.ListOrderItemsAsync(query, cancellationToken))
        {
            if (page.Data.FirstOrDefault(line => line.Text(Line.RequisitionNumber) != requisitionNumber) is { ValueKind: JsonValueKind.Object } stranger)
            {
                throw new ProcurifyApiException(
                    $"Procurify answered the order items of requisition {requisitionNumber} with an item of requisition " +
                    $"{stranger.Text(Line.RequisitionNumber) ?? "(none)"} (item {stranger.Text(Line.Id)}): the '{Line.RequisitionNumber}' filter was not applied.",
                    null,
                    null);
            }

            lines.AddRange(page.Data);
        }

        return lines;
    }
}
