using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// An X3 sales invoice of an order that came from SPS, as the RSX 7.7.7 Invoice (810) the trading partner expects:
/// header with the partner, invoice number and date and the buyer's PO number; one <c>InvoiceLine</c> per X3 line; the
/// totals X3 computed in <c>Summary</c>. The file name is fixed by the invoice and its X3 version
/// (<c>IN_{partner}_{invoice}_{version}.json</c>), so a retry overwrites rather than sends a second invoice.
/// </summary>
public sealed class X3SalesInvoiceToRsxInvoiceMapper(SpsCommerceX3Options options) : IRecordMapper
{
    public ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var invoice = CanonicalJson.FromElement<SalesInvoice>(record.Payload);
        if (!SpsOriginatedStream.TryParseKey(invoice.OrderExternalReference, out var partner, out var purchaseOrder))
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales invoice {invoice.Number} invoices no order from SPS (its sales order carries no trading partner~PO reference)."));
        }

        if (invoice.Lines.Count == 0)
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales invoice {invoice.Number} (PO {purchaseOrder} from {partner}) has no lines."));
        }

        var lines = new JsonArray();
        var sequence = 0;
        foreach (var line in invoice.Lines)
        {
            sequence++;
            var unit = line.Unit == options.EachUnit ? "EA" : line.Unit;
            lines.Add(new JsonObject
            {
                ["InvoiceLine"] = new JsonObject
                {
                    ["LineSequenceNumber"] = (line.LineNumber >= 1000 && line.LineNumber % 1000 == 0 ? line.LineNumber / 1000 : sequence).ToString(CultureInfo.InvariantCulture),
                    ["VendorPartNumber"] = line.ItemCode,
                    ["InvoiceQty"] = line.Quantity,
                    ["InvoiceQtyUOM"] = unit,
                    ["PurchasePrice"] = line.UnitPrice,
                    ["ShipQty"] = line.Quantity,
                    ["ShipQtyUOM"] = unit,
                    ["ExtendedItemTotal"] = line.Quantity * line.UnitPrice,
                },
            });
        }

        var document = new JsonObject
        {
            ["Header"] = new JsonObject
            {
                ["InvoiceHeader"] = new JsonObject
                {
                    ["TradingPartnerId"] = partner,
                    ["InvoiceNumber"] = invoice.Number,
                    ["InvoiceDate"] = invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["PurchaseOrderNumber"] = invoice.CustomerOrderNumber ?? purchaseOrder,
                    ["InvoiceTypeCode"] = invoice.TotalIncludingTax < 0 ? "CR" : "DR",
                    ["TsetPurposeCode"] = "00",
                    ["BuyersCurrency"] = invoice.Currency,
                },
            },
            ["LineItem"] = lines,
            ["Summary"] = new JsonObject
            {
                ["TotalAmount"] = invoice.TotalIncludingTax,
                ["TotalSalesAmount"] = invoice.TotalExcludingTax,
                ["TotalLineItemNumber"] = invoice.Lines.Count,
            },
        };
        var name = X3SalesOrderToRsxAckMapper.FileName("IN", partner, invoice.Number, record.Version);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"810 invoice {invoice.Number} for PO {purchaseOrder} to {partner}: {invoice.TotalIncludingTax:0.00} {invoice.Currency} as {name}");
        return ValueTask.FromResult(MapResult.Mapped(new TargetDocument(SpsRsxUploadSink.Kind, name, summary, CanonicalJson.ToElement(document))));
    }
}
