using System.Text.Json;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// An approved Procurify requisition (with its order items) to an X3 purchase order referenced <c>REQ-{num}</c>.
/// X3 takes one supplier per order, so a requisition whose lines name several vendors is rejected.
/// </summary>
public sealed class ProcurifyRequisitionMapper(IMappingTables mappings, IReferenceData reference, ProcurifyX3Options options) : IRecordMapper
{
    private readonly X3PurchaseOrderComposer _composer = new(mappings, reference, options);

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ProcurifyOrder order;
        try
        {
            order = ProcurifyOrderReader.ReadRequisition(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"Procurify requisition {record.Key} could not be read: {exception.Message}");
        }

        if (record.Payload.Int("status") is { } status && status != ProcurifyClient.RequisitionApproved)
        {
            return MapResult.Rejected($"{order.Label} is no longer approved in Procurify (status {status})");
        }

        var vendors = order.Lines.Select(line => line.Vendor).OfType<ProcurifyVendorRef>().DistinctBy(vendor => vendor.Id).ToList();
        if (vendors.Count > 1)
        {
            return MapResult.Rejected(
                $"{order.Label} has lines for {vendors.Count} vendors ({string.Join(", ", vendors.Select(vendor => vendor.Describe()))}): " +
                "X3 takes one supplier per purchase order; split the requisition in Procurify");
        }

        return await _composer.ComposeAsync(order, cancellationToken);
    }
}
