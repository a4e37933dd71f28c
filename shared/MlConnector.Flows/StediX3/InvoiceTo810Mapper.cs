using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// A validated X3 customer invoice becomes an X12 810 in Stedi's Guide JSON (004010 names): BIG (invoice date and number,
/// the customer's order number, type DI), CUR, N1 bill-to (the X3 customer), one IT1 per line with the X3 item as vendor's
/// part number (VP) and a PID description, TXI for the tax, and TDS with the total in cents (TDS01 is N2: implied decimals).
/// </summary>
public sealed class InvoiceTo810Mapper(StediPartners partners) : IRecordMapper
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

        var setting = await partners.TransactionSettingAsync(partnership, "810", cancellationToken);
        var document = new StediOutboundDocument(partnership, setting, "810", JsonSerializer.SerializeToElement(Transaction(source)));
        var summary = $"810 {invoice.Number} to {invoice.Supplier.Code} ({partnership}) for order {invoice.PurchaseOrderNumber}: {invoice.Lines.Count} lines, {invoice.TotalIncludingTax:0.00} {invoice.Currency}";
        return MapResult.Mapped(new TargetDocument(StediOutboundDocument.Kind, invoice.Number, summary, CanonicalJson.ToElement(document)));
    }

    public static JsonObject Transaction(X3SalesInvoice source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var invoice = source.Invoice;
        var lines = new JsonArray();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var item = new JsonObject
            {
                ["baseline_item_data_invoice_IT1"] = new JsonObject
                {
                    ["assigned_identification_01"] = line.LineNumber.ToString(CultureInfo.InvariantCulture),
                    ["quantity_invoiced_02"] = line.Quantity,
                    ["unit_or_basis_for_measurement_code_03"] = X12Codes.Unit(i < source.LineUnits.Count ? source.LineUnits[i] : string.Empty),
                    ["unit_price_04"] = line.UnitPrice,
                    ["basis_of_unit_price_code_05"] = "PE",
                    ["product_service_id_qualifier_06"] = "VP",
                    ["product_service_id_07"] = line.ItemCode,
                },
            };
            if (!string.IsNullOrWhiteSpace(line.Description))
            {
                item["product_item_description_PID_loop"] = new JsonArray(new JsonObject
                {
                    ["product_item_description_PID"] = new JsonObject { ["item_description_type_01"] = "F", ["description_05"] = line.Description },
                });
            }

            lines.Add(item);
        }

        var summary = new JsonObject
        {
            ["total_monetary_value_summary_TDS"] = new JsonObject { ["amount_01"] = (long)Math.Round(invoice.TotalIncludingTax * 100m, MidpointRounding.AwayFromZero) },
        };
        if (invoice.TotalTax != 0)
        {
            summary["tax_information_TXI"] = new JsonArray(new JsonObject { ["tax_type_code_01"] = "ST", ["monetary_amount_02"] = invoice.TotalTax });
        }

        summary["transaction_totals_CTT"] = new JsonObject { ["number_of_line_items_01"] = invoice.Lines.Count };
        return new JsonObject
        {
            ["heading"] = new JsonObject
            {
                ["transaction_set_header_ST"] = new JsonObject { ["transaction_set_identifier_code_01"] = "810", ["transaction_set_control_number_02"] = 1 },
                ["beginning_segment_for_invoice_BIG"] = new JsonObject
                {
                    ["date_01"] = X12Codes.Date(invoice.InvoiceDate),
                    ["invoice_number_02"] = invoice.Number,
                    ["purchase_order_number_04"] = invoice.PurchaseOrderNumber,
                    ["transaction_type_code_07"] = "DI",
                },
                ["currency_CUR"] = new JsonObject { ["entity_identifier_code_01"] = "SE", ["currency_code_02"] = invoice.Currency },
                ["party_identification_N1_loop"] = new JsonArray(new JsonObject
                {
                    ["party_identification_N1"] = new JsonObject
                    {
                        ["entity_identifier_code_01"] = "BT",
                        ["name_02"] = invoice.Supplier.Name,
                        ["identification_code_qualifier_03"] = "92",
                        ["identification_code_04"] = invoice.Supplier.Code,
                    },
                }),
            },
            ["detail"] = new JsonObject { ["baseline_item_data_invoice_IT1_loop"] = lines },
            ["summary"] = summary,
        };
    }
}
