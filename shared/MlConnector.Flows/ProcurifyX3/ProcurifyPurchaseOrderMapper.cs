using System.Text.Json;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>A Procurify purchase order (v2 detail with <c>order_items</c>) to an X3 purchase order.</summary>
public sealed class ProcurifyPurchaseOrderMapper(IMappingTables mappings, IReferenceData reference, ProcurifyX3Options options) : IRecordMapper
{
    private readonly X3PurchaseOrderComposer _composer = new(mappings, reference, options);

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ProcurifyOrder order;
        try
        {
            order = ProcurifyOrderReader.ReadPurchaseOrder(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"Procurify purchase order {record.Key} could not be read: {exception.Message}");
        }

        return await _composer.ComposeAsync(order, cancellationToken);
    }
}
