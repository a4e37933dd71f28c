using System.Text.Json;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.Webhooks;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// A <c>transaction.processed.v2</c> record becomes an X3 write: the translated Guide JSON is fetched from Stedi (the
/// event only announces it), then an 855 becomes an order confirmation and an 856 a purchase receipt. The order must
/// exist in X3 and belong to a supplier mapped to the partnership that sent the document; otherwise the record is
/// rejected with the reason. Stedi being unreachable is a retry (and, after the queue's attempts, the poison queue).
/// </summary>
public sealed class StediInboundMapper(StediClient client, IPurchaseOrderLookup orders, StediPartners partners, TimeProvider time) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        StediTransactionEvent evt;
        try
        {
            evt = CanonicalJson.FromElement<StediTransactionEvent>(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"Stedi event {record.Key}: the payload is not a transaction event ({exception.Message})");
        }

        System.Text.Json.Nodes.JsonObject output;
        try
        {
            output = await client.GetTransactionOutputAsync(evt.TransactionId, cancellationToken);
        }
        catch (StediApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.NotFound)
        {
            return MapResult.Rejected($"Stedi has no transaction {evt.TransactionId} ({evt.TransactionSetId} from {evt.PartnershipId}): {exception.Message}");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        switch (evt.TransactionSetId)
        {
            case "855":
                var (ack, ackProblem) = GuideJsonReaders.Acknowledgment(evt.TransactionId, evt.PartnershipId, output, today);
                if (ack is null)
                {
                    return MapResult.Rejected($"855 {evt.TransactionId} from {evt.PartnershipId}: {ackProblem}");
                }

                if (await CheckOrderAsync(ack.PurchaseOrderNumber, evt, cancellationToken) is { } ackRefusal)
                {
                    return MapResult.Rejected(ackRefusal);
                }

                return MapResult.Mapped(new TargetDocument(SageX3OrderConfirmationSink.Kind, ack.PurchaseOrderNumber,
                    $"855 {ack.Type} for PO {ack.PurchaseOrderNumber} from {evt.PartnershipId}, {ack.Lines.Count} lines", CanonicalJson.ToElement(ack)));

            case "856":
                var (notice, noticeProblem) = GuideJsonReaders.ShipNotice(evt.TransactionId, output);
                if (notice is null)
                {
                    return MapResult.Rejected($"856 {evt.TransactionId} from {evt.PartnershipId}: {noticeProblem}");
                }

                var order = await orders.FindAsync(notice.PurchaseOrderNumber, cancellationToken);
                if (await CheckOrderAsync(notice.PurchaseOrderNumber, evt, cancellationToken, order) is { } noticeRefusal)
                {
                    return MapResult.Rejected(noticeRefusal);
                }

                var lines = new List<MlConnector.Core.Documents.ShippedLine>();
                foreach (var line in notice.Lines)
                {
                    var match = order!.Lines.FirstOrDefault(l => l.LineNumber == line.LineNumber && (line.ItemCode.Length == 0 || l.ItemCode == line.ItemCode))
                                ?? order.Lines.FirstOrDefault(l => l.ItemCode == line.ItemCode);
                    if (match is null)
                    {
                        return MapResult.Rejected($"856 {notice.ShipmentId} from {evt.PartnershipId} ships item '{line.ItemCode}' (line {line.LineNumber}), which is not on X3 purchase order {notice.PurchaseOrderNumber}");
                    }

                    lines.Add(line with { LineNumber = match.LineNumber, ItemCode = match.ItemCode });
                }

                var mapped = notice with { Lines = lines };
                return MapResult.Mapped(new TargetDocument(SageX3ReceiptSink.Kind, notice.ShipmentId,
                    $"856 {notice.ShipmentId} for PO {notice.PurchaseOrderNumber} from {evt.PartnershipId}, {lines.Count} lines" +
                    (notice.TrackingNumber is null ? string.Empty : $", tracking {notice.TrackingNumber}"), CanonicalJson.ToElement(mapped)));

            default:
                return MapResult.Rejected($"Stedi transaction {evt.TransactionId} is a {evt.TransactionSetId}; this flow writes 855 and 856 only");
        }
    }

    private async Task<string?> CheckOrderAsync(string number, StediTransactionEvent evt, CancellationToken cancellationToken, PurchaseOrderSummary? known = null)
    {
        var order = known ?? await orders.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return $"{evt.TransactionSetId} {evt.TransactionId} from {evt.PartnershipId} answers purchase order {number}, which does not exist in X3";
        }

        var partnership = await partners.PartnershipOfAsync(order.SupplierCode, cancellationToken);
        return string.Equals(partnership, evt.PartnershipId, StringComparison.Ordinal)
            ? null
            : $"{evt.TransactionSetId} {evt.TransactionId} came from partnership {evt.PartnershipId}, but X3 purchase order {number} belongs to supplier {order.SupplierCode}" +
              (partnership is null ? $", which has no row in the '{StediNames.PartnershipTable}' mapping table" : $", mapped to partnership {partnership}");
    }
}
