using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// An X3 sales order written from an SPS order, as the RSX 7.7.7 OrderAck (855) the trading partner expects: open
/// orders are acknowledged with detail (<c>AD</c>, every line <c>IA</c> accepted with its quantity and date), closed
/// ones as rejected (<c>RD</c>, lines <c>IR</c>). The file name is fixed by the order and its X3 version
/// (<c>PR_{partner}_{po}_{version}.json</c>), so a retry overwrites rather than sends a second acknowledgment.
/// </summary>
public sealed class X3SalesOrderToRsxAckMapper(SpsCommerceX3Options options) : IRecordMapper
{
    public ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var order = CanonicalJson.FromElement<SalesOrder>(record.Payload);
        if (!SpsOriginatedStream.TryParseKey(order.ExternalReference, out var partner, out var purchaseOrder))
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales order {order.SourceId} carries no SPS order reference (trading partner~PO number): it did not come from SPS."));
        }

        if (order.Lines.Count == 0)
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales order {order.SourceId} (PO {purchaseOrder} from {partner}) has no lines to acknowledge."));
        }

        var accepted = order.Status == PurchaseOrderStatus.Open;
        var acknowledgedOn = DateOnly.FromDateTime((record.ModifiedAt ?? new DateTimeOffset(order.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).UtcDateTime);
        var lines = new JsonArray();
        var sequence = 0;
        foreach (var line in order.Lines)
        {
            sequence++;
            var unit = line.Unit == options.EachUnit ? "EA" : line.Unit;
            var acknowledgement = new JsonObject
            {
                ["ItemStatusCode"] = accepted ? "IA" : "IR",
                ["ItemScheduleQty"] = line.Quantity,
                ["ItemScheduleUOM"] = unit,
            };
            if (order.RequestedDeliveryDate is { } scheduled && accepted)
            {
                acknowledgement["ItemScheduleQualifier"] = "068";
                acknowledgement["ItemScheduleDate"] = Date(scheduled);
            }

            lines.Add(new JsonObject
            {
                ["OrderLine"] = new JsonObject
                {
                    ["LineSequenceNumber"] = (line.LineNumber >= 1000 && line.LineNumber % 1000 == 0 ? line.LineNumber / 1000 : sequence).ToString(CultureInfo.InvariantCulture),
                    ["VendorPartNumber"] = line.ItemCode,
                    ["OrderQty"] = line.Quantity,
                    ["OrderQtyUOM"] = unit,
                    ["PurchasePrice"] = line.UnitPrice,
                },
                ["LineItemAcknowledgement"] = new JsonArray(acknowledgement),
            });
        }

        var ack = new JsonObject
        {
            ["Header"] = new JsonObject
            {
                ["OrderHeader"] = new JsonObject
                {
                    ["TradingPartnerId"] = partner,
                    ["PurchaseOrderNumber"] = purchaseOrder,
                    ["TsetPurposeCode"] = "00",
                    ["PurchaseOrderDate"] = Date(order.OrderDate),
                    ["AcknowledgementType"] = accepted ? "AD" : "RD",
                    ["AcknowledgementDate"] = Date(acknowledgedOn),
                },
            },
            ["LineItem"] = lines,
            ["Summary"] = new JsonObject { ["TotalAmount"] = order.TotalExcludingTax, ["TotalLineItemNumber"] = order.Lines.Count },
        };
        var name = FileName("PR", partner, purchaseOrder, record.Version);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"855 {(accepted ? "AD" : "RD")} for PO {purchaseOrder} to {partner} (X3 {order.SourceId}, {order.Lines.Count} lines) as {name}");
        return ValueTask.FromResult(MapResult.Mapped(new TargetDocument(SpsRsxUploadSink.Kind, name, summary, CanonicalJson.ToElement(ack))));
    }

    /// <summary>A stable, SPS-safe file name: document prefix, partner, document number and a hash of the source version.</summary>
    public static string FileName(string prefix, string partner, string number, string version)
    {
        static string Safe(string value) => new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
        var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..10].ToLowerInvariant();
        return $"{prefix}_{Safe(partner)}_{Safe(number)}_{stamp}.json";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
