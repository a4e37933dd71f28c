using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// A validated X3 customer invoice (SINVOICE) of a sales order that came from SPS, as the RSX 7.7.7 Invoice (810) the
/// trading partner expects, echoing the order as the partner sent it (<see cref="ISpsOrderArchive"/>): header numbers,
/// terms, dates, addresses, references, notes, FOB and carrier, and per line the buyer's identifiers and unit with the
/// description in <c>ProductOrItemDescription</c>. Tax goes in <c>Taxes</c> and the order's allowances and charges in
/// <c>ChargesAllowances</c> (on the PO's first invoice only), so <c>TotalAmount</c> = lines + tax + charges - allowances. The first 810 of an invoice is an
/// original (00); a changed invoice is sent again as a replace (05). A credit note (negative total) is a credit memo:
/// <c>InvoiceTypeCode</c> CR with its amounts stated positive. The file name is fixed by the invoice and its X3 version
/// (<c>IN_{partner}_{invoice}_{version}.json</c>), so a retry overwrites rather than sends a second invoice.
/// </summary>
/// <param name="mappings">Reads the <c>uom</c> table backwards for lines the archive does not know; null: EA for the each unit only.</param>
public sealed class X3SalesInvoiceToRsxInvoiceMapper(SpsCommerceX3Options options, ISpsOrderArchive archive, IMappingTables? mappings = null) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var source = CanonicalJson.FromElement<X3SalesInvoice>(record.Payload);
        var invoice = source.Invoice;
        if (!SpsOriginatedStream.TryParseKey(source.OrderExternalReference, out var partner, out var purchaseOrder))
        {
            return MapResult.Rejected(
                $"X3 sales invoice {invoice.Number} invoices no order from SPS (its sales order {source.SalesOrderNumber ?? "(none)"} carries no trading partner~PO reference).");
        }

        if (!source.IsValidated)
        {
            return MapResult.Rejected($"X3 sales invoice {invoice.Number} (PO {purchaseOrder} from {partner}) is not validated yet: validate it in X3 and it is sent on the next poll.");
        }

        if (invoice.Lines.Count == 0)
        {
            return MapResult.Rejected($"X3 sales invoice {invoice.Number} (PO {purchaseOrder} from {partner}) has no lines.");
        }

        var (archived, _) = await archive.ReadAsync(source.OrderExternalReference!, cancellationToken);
        var ordered = archived?.Order;
        var credit = invoice.TotalIncludingTax < 0;
        var sign = credit ? -1m : 1m;
        var unmatched = ordered?.Lines.ToList() ?? [];
        var lines = new JsonArray();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var asked = unmatched.FirstOrDefault(l => l.ItemCode == line.ItemCode);
            if (asked is not null)
            {
                unmatched.Remove(asked);
            }

            var x3Unit = i < source.LineUnits.Count ? source.LineUnits[i] : string.Empty;
            var unit = asked?.BuyerUnit ?? await RsxEcho.UnitAsync(mappings, x3Unit, options.EachUnit, cancellationToken);
            var invoiceLine = new JsonObject { ["LineSequenceNumber"] = RsxEcho.BuyerLineNumber(asked, line.LineNumber, i + 1) };
            RsxEcho.Identifiers(invoiceLine, asked, line.ItemCode);
            invoiceLine["InvoiceQty"] = sign * line.Quantity;
            invoiceLine["InvoiceQtyUOM"] = unit;
            invoiceLine["PurchasePrice"] = line.UnitPrice;
            invoiceLine["ShipQty"] = sign * line.Quantity;
            invoiceLine["ShipQtyUOM"] = unit;
            invoiceLine["ExtendedItemTotal"] = sign * line.NetAmount;
            var item = new JsonObject
            {
                ["InvoiceLine"] = invoiceLine,

                // RSX keeps descriptions beside the line, never on it (SPS's Invoices schema closes InvoiceLine).
                ["ProductOrItemDescription"] = RsxEcho.Description(line.Description ?? asked?.Description, line.ItemCode),
            };
            if (asked?.DestinationLocation is { } store)
            {
                item["Address"] = new JsonArray(RsxEcho.Store(store, markFor: ordered?.ShipTo is not null));
            }

            lines.Add(item);
        }

        // The order's allowances and charges are billed once: on its first invoice (and that invoice's replacements), not
        // again on later partial invoices of the same PO.
        var firstInvoice = archived is null || archived.InvoicesSent.Keys.All(number => number == invoice.Number);
        var charges = firstInvoice ? ordered?.ChargesAllowances ?? [] : [];
        var merchandise = sign * invoice.TotalExcludingTax;
        var tax = sign * invoice.TotalTax;
        var total = merchandise + tax + charges.Sum(c => c.SignedAmount);
        var header = new JsonObject { ["InvoiceHeader"] = Header(invoice, ordered, partner, purchaseOrder, credit, archived?.InvoicesSent.GetValueOrDefault(invoice.Number) > 0) };
        if (ordered is not null)
        {
            RsxEcho.AddArray(header, "PaymentTerms", RsxEcho.PaymentTerms(ordered.PaymentTerms));
            RsxEcho.AddArray(header, "Dates", RsxEcho.Dates(ordered.Dates));
            RsxEcho.AddArray(header, "Address", ordered.Addresses.Select(RsxEcho.Address));
            RsxEcho.AddArray(header, "References", RsxEcho.References(ordered.References));
            RsxEcho.AddArray(header, "Notes", RsxEcho.Notes(ordered.Notes));
        }

        if (tax != 0)
        {
            header["Taxes"] = new JsonArray(new JsonObject { ["TaxTypeCode"] = "S", ["TaxAmount"] = tax });
        }

        RsxEcho.AddArray(header, "ChargesAllowances", RsxEcho.ChargesAllowances(charges));
        if (ordered is not null)
        {
            RsxEcho.AddArray(header, "FOBRelatedInstruction", RsxEcho.Fob(ordered.Fob));
            RsxEcho.AddArray(header, "CarrierInformation", RsxEcho.Carriers(ordered.Carriers));
        }

        var document = new JsonObject
        {
            ["Header"] = header,
            ["LineItem"] = lines,
            ["Summary"] = new JsonObject
            {
                ["TotalAmount"] = total,
                ["TotalSalesAmount"] = merchandise,
                ["TotalTaxesAndCharges"] = total - merchandise,
                ["TotalLineItemNumber"] = invoice.Lines.Count,
            },
        };
        var name = X3SalesOrderToRsxAckMapper.FileName("IN", partner, invoice.Number, record.Version);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"810 {(credit ? "credit memo" : "invoice")} {invoice.Number} for PO {purchaseOrder} to {partner}: {total:0.00} {invoice.Currency} as {name}");
        return MapResult.Mapped(new TargetDocument(SpsRsxUploadSink.Kind, name, summary, CanonicalJson.ToElement(document)));
    }

    private static JsonObject Header(Invoice invoice, SalesOrder? ordered, string partner, string purchaseOrder, bool credit, bool sentBefore)
    {
        var header = new JsonObject
        {
            ["TradingPartnerId"] = partner,
            ["InvoiceNumber"] = invoice.Number,
            ["InvoiceDate"] = RsxEcho.Date(invoice.InvoiceDate),
            ["PurchaseOrderDate"] = ordered is null ? null : RsxEcho.Date(ordered.OrderDate),
            ["PurchaseOrderNumber"] = invoice.PurchaseOrderNumber ?? purchaseOrder,
            ["PrimaryPOTypeCode"] = ordered?.OrderType,
            ["ReleaseNumber"] = ordered?.ReleaseNumber,
            ["InvoiceTypeCode"] = credit ? "CR" : "DR",
            ["TsetPurposeCode"] = sentBefore ? "05" : "00",
            ["BuyersCurrency"] = invoice.Currency,
        };
        return RsxEcho.OrderNumbers(header, ordered);
    }
}
