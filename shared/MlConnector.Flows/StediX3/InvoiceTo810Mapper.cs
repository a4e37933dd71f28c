using System.Globalization;
using System.Text.Json;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// A validated X3 customer invoice becomes an X12 810, built by X12 identity and named by the partnership's guide: BIG
/// (invoice date and number, the customer's order number, type DI), REF VN (the X3 sales order), CUR, N1 bill-to (the
/// X3 customer), one IT1 loop per line with the X3 item as vendor's part number (VP) and a PID description, TDS with
/// the total as a decimal ($69.09 is 69.09: TDS01 is N2 and Stedi writes <c>TDS*6909</c>), TXI for the tax and CTT.
/// </summary>
public sealed class InvoiceTo810Mapper(StediPartners partners, StediGuides guides) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        X3SalesInvoice source;
        try
        {
            source = CanonicalJson.FromElement<X3SalesInvoice>(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"X3 customer invoice {record.Key}: the payload is not an invoice ({exception.Message})");
        }

        var invoice = source.Invoice;
        var partnership = await partners.PartnershipOfAsync(invoice.Supplier.Code, cancellationToken);
        if (partnership is null)
        {
            return MapResult.Rejected($"X3 customer invoice {invoice.Number}: customer {invoice.Supplier.Code} has no Stedi partnership in the '{StediNames.PartnershipTable}' mapping table any more");
        }

        var problems = new List<string>();
        if (invoice.Lines.Count == 0)
        {
            problems.Add("it has no lines");
        }

        if (string.IsNullOrWhiteSpace(invoice.PurchaseOrderNumber))
        {
            problems.Add("it quotes no customer order number (CUSORDREF), which trading partners match 810s on (BIG04)");
        }

        if (string.IsNullOrWhiteSpace(invoice.Currency))
        {
            problems.Add("it has no currency");
        }

        if (problems.Count > 0)
        {
            return MapResult.Rejected($"X3 customer invoice {invoice.Number} cannot be sent as an 810: {string.Join("; ", problems)}");
        }

        var (setting, settingProblem) = await partners.TransactionSettingAsync(partnership, "810", cancellationToken);
        if (settingProblem is not null)
        {
            problems.Add(settingProblem);
        }

        var guide = await guides.ForAsync(partnership, "810", cancellationToken);
        var written = problems.Count > 0 ? null : GuideJsonWriter.Write(Document(source), guide, guides.Delimiters);
        problems.AddRange(written?.Problems ?? []);
        if (problems.Count > 0)
        {
            return MapResult.Rejected($"X3 customer invoice {invoice.Number} cannot be sent as an 810: {string.Join("; ", problems)}");
        }

        var document = new StediOutboundDocument(partnership, setting!, "810", JsonSerializer.SerializeToElement(written!.Json), RepairDelimiters: guides.Delimiters.Repair);
        var summary = $"810 {invoice.Number} to {invoice.Supplier.Code} ({partnership}, {guide.Description}) for order {invoice.PurchaseOrderNumber}: {invoice.Lines.Count} lines, {invoice.TotalIncludingTax:0.00} {invoice.Currency}";
        return MapResult.Mapped(new TargetDocument(StediOutboundDocument.Kind, invoice.Number, summary, CanonicalJson.ToElement(document)));
    }

    /// <summary>The invoice by X12 identity, before a guide names it. TDS01 is the total as a decimal (Stedi applies N2).</summary>
    public static X12Document Document(X3SalesInvoice source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var invoice = source.Invoice;
        var document = new X12Document("810");
        document.Heading.Add(new X12Segment("ST", optional: true).Set(1, "810", "transaction set").Set(2, "0001", "control number"));
        document.Heading.Add(new X12Segment("BIG")
            .Require(1, X12Codes.Date(invoice.InvoiceDate), "invoice date")
            .Require(2, invoice.Number, "invoice number")
            .Require(4, invoice.PurchaseOrderNumber!, "customer order number")
            .Set(7, "DI", "transaction type"));
        if (!string.IsNullOrWhiteSpace(source.SalesOrderNumber))
        {
            document.Heading.Add(new X12Segment("REF", "X3 sales order", optional: true).Set(1, "VN", "reference qualifier").Set(2, source.SalesOrderNumber, "vendor order number"));
        }

        document.Heading.Add(new X12Segment("CUR", optional: true).Set(1, "SE", "entity").Set(2, invoice.Currency, "currency"));
        document.Heading.Add(new X12Loop("N1", "bill-to", optional: true).Add(new X12Segment("N1", "bill-to", optional: true)
            .Set(1, "BT", "entity")
            .Set(2, invoice.Supplier.Name, "name")
            .Set(3, "92", "id qualifier")
            .Set(4, invoice.Supplier.Code, "X3 customer")));
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var context = $"line {line.LineNumber}";
            var loop = new X12Loop("IT1", context).Add(new X12Segment("IT1", context)
                .Require(1, line.LineNumber.ToString(CultureInfo.InvariantCulture), "line number")
                .Require(2, line.Quantity, "quantity")
                .Require(3, X12Codes.Unit(i < source.LineUnits.Count ? source.LineUnits[i] : string.Empty), "unit")
                .Require(4, line.UnitPrice, "unit price")
                .Set(5, "PE", "price basis")
                .Require(6, "VP", "item qualifier")
                .Require(7, line.ItemCode, "X3 item"));
            if (!string.IsNullOrWhiteSpace(line.Description))
            {
                loop.Add(new X12Loop("PID", context, optional: true).Add(new X12Segment("PID", context, optional: true).Set(1, "F", "description type").Set(5, line.Description, "description")));
            }

            document.Detail.Add(loop);
        }

        document.Summary.Add(new X12Segment("TDS").Require(1, invoice.TotalIncludingTax, "invoice total"));
        if (invoice.TotalTax != 0)
        {
            document.Summary.Add(new X12Segment("TXI", optional: true).Set(1, "ST", "tax type").Set(2, invoice.TotalTax, "tax amount"));
        }

        document.Summary.Add(new X12Segment("CTT", optional: true).Set(1, (decimal)invoice.Lines.Count, "number of lines"));
        return document;
    }
}
