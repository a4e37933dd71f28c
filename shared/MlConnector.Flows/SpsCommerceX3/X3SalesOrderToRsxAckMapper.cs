using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// An X3 sales order written from an SPS order, as the RSX 7.7.7 OrderAck (855) the trading partner expects, echoing
/// the order as the partner sent it (from <see cref="ISpsOrderArchive"/>): its header numbers, addresses (ship-to,
/// bill-to, mark-for), dates, terms, FOB, carrier, references and notes, and per line the buyer's identifiers, unit,
/// line number, store split and notes. Open orders are acknowledged <c>AD</c> (lines <c>IA</c>), or <c>AC</c> with
/// <c>IQ</c>/<c>IP</c> on lines whose quantity or price X3 changed; an order closed before it was accepted, or closed
/// with lines changed, is rejected (<c>RD</c>, lines <c>IR</c>). The first 855 of a PO is an original (00), later ones
/// replace it (05). Closing an accepted order without changing a line sends nothing new. The file name is fixed by the
/// order's X3 version (<c>PR_{partner}_{po}_{version}.json</c>), so a retry overwrites rather than sends a second 855.
/// </summary>
/// <param name="mappings">Reads the <c>uom</c> table backwards for lines the archive does not know; null: EA for the each unit only.</param>
public sealed class X3SalesOrderToRsxAckMapper(SpsCommerceX3Options options, ISpsOrderArchive archive, IMappingTables? mappings = null) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var order = CanonicalJson.FromElement<SalesOrder>(record.Payload);
        if (!SpsOriginatedStream.TryParseKey(order.ExternalReference, out var partner, out var purchaseOrder))
        {
            return MapResult.Rejected($"X3 sales order {order.SourceId} carries no SPS order reference (trading partner~PO number): it did not come from SPS.");
        }

        if (order.Lines.Count == 0)
        {
            return MapResult.Rejected($"X3 sales order {order.SourceId} (PO {purchaseOrder} from {partner}) has no lines to acknowledge.");
        }

        var (archived, _) = await archive.ReadAsync(order.ExternalReference!, cancellationToken);
        var ordered = archived?.Order;
        var signature = LineSignature(order);
        var name = FileName("PR", partner, purchaseOrder, record.Version);
        if (order.Status != PurchaseOrderStatus.Open && archived is { LastAcknowledgmentAccepted: true } && archived.LastAcknowledgedLines == signature)
        {
            return MapResult.Mapped(new TargetDocument(SpsAnswerSink.NothingToSendKind, name,
                $"X3 {order.SourceId} (PO {purchaseOrder} from {partner}) was closed after its acceptance without a line change: nothing new for the partner", CanonicalJson.ToElement(new JsonObject())));
        }

        var acknowledgedOn = DateOnly.FromDateTime((record.ModifiedAt ?? new DateTimeOffset(order.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).UtcDateTime);
        var open = order.Status == PurchaseOrderStatus.Open;
        var changed = false;
        var lines = new JsonArray();
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var asked = ordered?.Lines.FirstOrDefault(l => l.LineNumber == line.LineNumber);
            var status = !open ? "IR" : asked is null ? "IA" : asked.Quantity != line.Quantity ? "IQ" : asked.UnitPrice != line.UnitPrice ? "IP" : "IA";
            changed |= status is "IQ" or "IP";
            var unit = asked?.BuyerUnit ?? await RsxEcho.UnitAsync(mappings, line.Unit, options.EachUnit, cancellationToken);
            var orderLine = new JsonObject { ["LineSequenceNumber"] = RsxEcho.BuyerLineNumber(asked, line.LineNumber, i + 1) };
            RsxEcho.Identifiers(orderLine, asked, line.ItemCode);
            orderLine["OrderQty"] = asked?.Quantity ?? line.Quantity;
            orderLine["OrderQtyUOM"] = unit;
            orderLine["PurchasePrice"] = asked?.UnitPrice ?? line.UnitPrice;
            var acknowledgement = new JsonObject { ["ItemStatusCode"] = status, ["ItemScheduleQty"] = line.Quantity, ["ItemScheduleUOM"] = unit };
            if (open && (line.RequestedShipDate ?? order.RequestedShipDate ?? asked?.RequestedShipDate ?? ordered?.RequestedShipDate) is { } scheduled)
            {
                acknowledgement["ItemScheduleQualifier"] = "068";
                acknowledgement["ItemScheduleDate"] = RsxEcho.Date(scheduled);
            }

            var item = new JsonObject
            {
                ["OrderLine"] = orderLine,
                ["LineItemAcknowledgement"] = new JsonArray(acknowledgement),
                ["ProductOrItemDescription"] = RsxEcho.Description(asked?.Description ?? line.Description, line.ItemCode),
            };
            RsxEcho.AddArray(item, "Notes", RsxEcho.Notes(asked?.Notes ?? []));
            if (asked?.DestinationLocation is { } store)
            {
                item["QuantitiesSchedulesLocations"] = new JsonArray(new JsonObject
                {
                    ["QuantityQualifier"] = "01",
                    ["TotalQty"] = line.Quantity,
                    ["TotalQtyUOM"] = unit,
                    ["LocationQuantity"] = new JsonArray(new JsonObject { ["Location"] = store, ["Qty"] = line.Quantity }),
                });
            }

            lines.Add(item);
        }

        var type = !open ? "RD" : changed ? "AC" : "AD";
        var header = new JsonObject
        {
            ["OrderHeader"] = Header(order, ordered, partner, purchaseOrder, archived is { AcknowledgmentsSent: > 0 } ? "05" : "00", type, acknowledgedOn),
        };
        if (ordered is not null)
        {
            RsxEcho.AddArray(header, "PaymentTerms", RsxEcho.PaymentTerms(ordered.PaymentTerms));
            RsxEcho.AddArray(header, "Dates", RsxEcho.Dates(ordered.Dates));
            RsxEcho.AddArray(header, "Address", ordered.Addresses.Select(RsxEcho.Address));
            RsxEcho.AddArray(header, "FOBRelatedInstruction", RsxEcho.Fob(ordered.Fob));
            RsxEcho.AddArray(header, "CarrierInformation", RsxEcho.Carriers(ordered.Carriers));
            RsxEcho.AddArray(header, "References", RsxEcho.References(ordered.References));
            RsxEcho.AddArray(header, "Notes", RsxEcho.Notes(ordered.Notes));
        }

        var ack = new JsonObject
        {
            ["Header"] = header,
            ["LineItem"] = lines,
            ["Summary"] = new JsonObject { ["TotalAmount"] = open ? order.TotalExcludingTax : 0m, ["TotalLineItemNumber"] = order.Lines.Count },
        };
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"855 {type} for PO {purchaseOrder} to {partner} (X3 {order.SourceId}, {order.Lines.Count} lines) as {name}");
        return MapResult.Mapped(new TargetDocument(SpsRsxUploadSink.Kind, name, summary, CanonicalJson.ToElement(ack)));
    }

    /// <summary>A stable, SPS-safe file name: document prefix, partner, document number and a hash of the source version.</summary>
    public static string FileName(string prefix, string partner, string number, string version)
    {
        static string Safe(string value) => new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
        var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..10].ToLowerInvariant();
        return $"{prefix}_{Safe(partner)}_{Safe(number)}_{stamp}.json";
    }

    /// <summary>What the partner sees of the X3 lines: item and quantity per line, in order (the same as <see cref="SpsAnswerSink"/> reads from an 855).</summary>
    internal static string LineSignature(SalesOrder order) =>
        string.Join('|', order.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ItemCode}:{l.Quantity:0.####}")));

    private static JsonObject Header(SalesOrder order, SalesOrder? ordered, string partner, string purchaseOrder, string purpose, string type, DateOnly acknowledgedOn)
    {
        var header = new JsonObject
        {
            ["TradingPartnerId"] = partner,
            ["PurchaseOrderNumber"] = purchaseOrder,
            ["TsetPurposeCode"] = purpose,
            ["PrimaryPOTypeCode"] = ordered?.OrderType,
            ["PurchaseOrderDate"] = RsxEcho.Date(ordered?.OrderDate ?? order.OrderDate),
            ["ReleaseNumber"] = ordered?.ReleaseNumber,
            ["AcknowledgementNumber"] = order.SourceId,
            ["AcknowledgementType"] = type,
            ["AcknowledgementDate"] = RsxEcho.Date(acknowledgedOn),
            ["BuyersCurrency"] = order.Currency.Length == 0 ? null : order.Currency,
        };
        return RsxEcho.OrderNumbers(header, ordered);
    }
}
