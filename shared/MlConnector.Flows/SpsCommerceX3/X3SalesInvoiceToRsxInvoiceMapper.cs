using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// A validated X3 customer invoice (SINVOICE) of a sales order that came from SPS, as the RSX 7.7.7 Invoice (810) the
/// trading partner expects: header with the partner, invoice number and date and the buyer's PO number; one
/// <c>InvoiceLine</c> per X3 line; the totals X3's lines give in <c>Summary</c>. The file name is fixed by the invoice
/// and its X3 version (<c>IN_{partner}_{invoice}_{version}.json</c>), so a retry overwrites rather than sends a second invoice.
/// </summary>
public sealed class X3SalesInvoiceToRsxInvoiceMapper(SpsCommerceX3Options options) : IRecordMapper
{
    public ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var source = CanonicalJson.FromElement<X3SalesInvoice>(record.Payload);
        var invoice = source.Invoice;
        if (!SpsOriginatedStream.TryParseKey(source.OrderExternalReference, out var partner, out var purchaseOrder))
        {
            return ValueTask.FromResult(MapResult.Rejected(
                $"X3 sales invoice {invoice.Number} invoices no order from SPS (its sales order {source.SalesOrderNumber ?? "(none)"} carries no trading partner~PO reference)."));
        }

        if (!source.IsValidated)
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales invoice {invoice.Number} (PO {purchaseOrder} from {partner}) is not validated yet: validate it in X3 and it is sent on the next poll."));
        }

        if (invoice.Lines.Count == 0)
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 sales invoice {invoice.Number} (PO {purchaseOrder} from {partner}) has no lines."));
        }

        var lines = new JsonArray();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var x3Unit = i < source.LineUnits.Count ? source.LineUnits[i] : string.Empty;
            var unit = x3Unit == options.EachUnit ? "EA" : x3Unit;
            lines.Add(new JsonObject
            {
                ["InvoiceLine"] = new JsonObject
                {
                    ["LineSequenceNumber"] = (line.LineNumber >= 1000 && line.LineNumber % 1000 == 0 ? line.LineNumber / 1000 : i + 1).ToString(CultureInfo.InvariantCulture),
                    ["VendorPartNumber"] = line.ItemCode,
                    ["InvoiceQty"] = line.Quantity,
                    ["InvoiceQtyUOM"] = unit,
                    ["PurchasePrice"] = line.UnitPrice,
                    ["ShipQty"] = line.Quantity,
                    ["ShipQtyUOM"] = unit,
                    ["ExtendedItemTotal"] = line.NetAmount,
                },

                // RSX keeps descriptions beside the line, never on it (SPS's Invoices schema closes InvoiceLine).
                ["ProductOrItemDescription"] = new JsonArray(new JsonObject { ["ProductCharacteristicCode"] = "08", ["ProductDescription"] = line.Description ?? line.ItemCode }),
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
                    ["PurchaseOrderNumber"] = invoice.PurchaseOrderNumber ?? purchaseOrder,
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
