using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.Webhooks;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// A <c>transaction.processed.v2</c> record becomes an X3 write: the translated Guide JSON is fetched from Stedi (the
/// event only announces it), then an 855 becomes an order confirmation and an 856 purchase receipts, one per order it
/// covers. Each order must exist in X3 and belong to a supplier mapped to the partnership that sent the document, and
/// every partner line must match an X3 order line (<see cref="X3LineMatcher"/>); otherwise the record is rejected with
/// the reason. Stedi being unreachable is a retry (and, after the queue's attempts, the poison queue).
/// </summary>
public sealed class StediInboundMapper(StediClient client, IPurchaseOrderLookup orders, StediPartners partners, IMappingTables mappings, TimeProvider time) : IRecordMapper
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

        JsonObject output;
        try
        {
            output = await client.GetTransactionOutputAsync(evt.TransactionId, cancellationToken);
        }
        catch (StediApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.NotFound)
        {
            return MapResult.Rejected($"Stedi has no transaction {evt.TransactionId} ({evt.TransactionSetId} from {evt.PartnershipId}): {exception.Message}");
        }

        return evt.TransactionSetId switch
        {
            "855" => await AcknowledgmentAsync(evt, output, cancellationToken),
            "856" => await ShipNoticeAsync(evt, output, cancellationToken),
            _ => MapResult.Rejected($"Stedi transaction {evt.TransactionId} is a {evt.TransactionSetId}; this flow writes 855 and 856 only"),
        };
    }

    private async Task<MapResult> AcknowledgmentAsync(StediTransactionEvent evt, JsonObject output, CancellationToken cancellationToken)
    {
        var (ack, problem) = GuideJsonReaders.Acknowledgment(output, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (ack is null)
        {
            return MapResult.Rejected($"855 {evt.TransactionId} from {evt.PartnershipId}: {problem}");
        }

        var (order, refusal) = await OrderAsync(ack.PurchaseOrderNumber, evt, cancellationToken);
        if (order is null)
        {
            return MapResult.Rejected(refusal!);
        }

        var matcher = new X3LineMatcher(order, mappings);
        var taken = new HashSet<int>();
        var lines = new List<AcknowledgedLine>();
        foreach (var line in ack.Lines)
        {
            var match = await matcher.MatchAsync(line.AssignedId, line.Ids, line.Position, ack.Lines.Count, taken, cancellationToken);
            if (match is null)
            {
                return MapResult.Rejected($"855 {evt.TransactionId} from {evt.PartnershipId}: its line {line.Position + 1} ({Describe(line.AssignedId, line.Ids)}) matches no line of X3 purchase order {order.Number} by line number, item or position");
            }

            taken.Add(match.LineNumber);
            lines.Add(new AcknowledgedLine(match.LineNumber, match.ItemCode, line.Status, line.Quantity, line.Unit, line.ScheduledDate));
        }

        var document = new OrderAcknowledgment
        {
            SourceId = evt.TransactionId,
            PurchaseOrderNumber = ack.PurchaseOrderNumber,
            Type = ack.Type,
            AcknowledgedOn = ack.AcknowledgedOn,
            TradingPartnerId = evt.PartnershipId,
            Lines = lines,
        };
        return MapResult.Mapped(new TargetDocument(SageX3OrderConfirmationSink.Kind, ack.PurchaseOrderNumber,
            $"855 {ack.Type} for PO {ack.PurchaseOrderNumber} from {evt.PartnershipId}, {lines.Count} lines", CanonicalJson.ToElement(document)));
    }

    private async Task<MapResult> ShipNoticeAsync(StediTransactionEvent evt, JsonObject output, CancellationToken cancellationToken)
    {
        var (notice, problem) = GuideJsonReaders.ShipNotice(output);
        if (notice is null)
        {
            return MapResult.Rejected($"856 {evt.TransactionId} from {evt.PartnershipId}: {problem}");
        }

        if (notice.Orders.Count == 0)
        {
            return MapResult.Rejected($"856 {notice.ShipmentId} from {evt.PartnershipId} names no purchase order (no order level with PRF01)");
        }

        var receipts = new List<ShipNotice>();
        var byOrder = notice.Items.GroupBy(item => item.PurchaseOrderNumber ?? (notice.Orders.Count == 1 ? notice.Orders[0] : null)).ToList();
        foreach (var group in byOrder)
        {
            if (group.Key is null)
            {
                return MapResult.Rejected($"856 {notice.ShipmentId} from {evt.PartnershipId} covers {notice.Orders.Count} purchase orders ({string.Join(", ", notice.Orders)}), and item level {group.First().HierarchicalId} sits under none of their order levels");
            }

            var (order, refusal) = await OrderAsync(group.Key, evt, cancellationToken);
            if (order is null)
            {
                return MapResult.Rejected(refusal!);
            }

            var matcher = new X3LineMatcher(order, mappings);
            var quantities = new Dictionary<(int Line, string Item, string Unit), decimal>();
            foreach (var item in group)
            {
                var match = await matcher.MatchAsync(item.AssignedId, item.Ids, -1, -1, new HashSet<int>(), cancellationToken);
                if (match is null)
                {
                    return MapResult.Rejected($"856 {notice.ShipmentId} from {evt.PartnershipId} ships {Describe(item.AssignedId, item.Ids)} (item level {item.HierarchicalId}), which is not on X3 purchase order {order.Number}");
                }

                var key = (match.LineNumber, match.ItemCode, item.Unit);
                quantities[key] = quantities.GetValueOrDefault(key) + item.Quantity;
            }

            receipts.Add(new ShipNotice
            {
                SourceId = evt.TransactionId,
                ShipmentId = byOrder.Count == 1 ? notice.ShipmentId : $"{notice.ShipmentId}/{order.Number}",
                PurchaseOrderNumber = order.Number,
                ShipDate = notice.ShipDate,
                CarrierCode = notice.CarrierCode,
                TrackingNumber = notice.TrackingNumber,
                Lines = quantities.Select(pair => new ShippedLine(pair.Key.Line, pair.Key.Item, pair.Value, pair.Key.Unit)).OrderBy(l => l.LineNumber).ToList(),
            });
        }

        return MapResult.Mapped(new TargetDocument(ReceiptsPerOrderSink.Kind, notice.ShipmentId,
            $"856 {notice.ShipmentId} from {evt.PartnershipId}: {receipts.Count} receipt(s) for PO {string.Join(", ", receipts.Select(r => r.PurchaseOrderNumber))}, {receipts.Sum(r => r.Lines.Count)} lines" +
            (notice.TrackingNumber is null ? string.Empty : $", tracking {notice.TrackingNumber}"), CanonicalJson.ToElement(receipts)));
    }

    /// <summary>The X3 order, or why the document cannot be written to it.</summary>
    private async Task<(PurchaseOrderSummary? Order, string? Refusal)> OrderAsync(string number, StediTransactionEvent evt, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return (null, $"{evt.TransactionSetId} {evt.TransactionId} from {evt.PartnershipId} answers purchase order {number}, which does not exist in X3");
        }

        var partnership = await partners.PartnershipOfAsync(order.SupplierCode, cancellationToken);
        return string.Equals(partnership, evt.PartnershipId, StringComparison.Ordinal)
            ? (order, null)
            : (null, $"{evt.TransactionSetId} {evt.TransactionId} came from partnership {evt.PartnershipId}, but X3 purchase order {number} belongs to supplier {order.SupplierCode}" +
                     (partnership is null ? $", which has no row in the '{StediNames.PartnershipTable}' mapping table" : $", mapped to partnership {partnership}"));
    }

    private static string Describe(string? assignedId, IReadOnlyList<(string? Qualifier, string Id)> ids) =>
        string.Join(", ", new[] { assignedId is null ? null : $"line id '{assignedId}'" }.Concat(ids.Select(id => $"{id.Qualifier ?? "id"} '{id.Id}'")).OfType<string>()) is { Length: > 0 } text ? text : "no line id or part number";
}
