using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Connectors.Stedi;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// An X3 purchase order becomes an X12 850 in Stedi's Guide JSON (004010 names; check them against your guide's JSON
/// schema): BEG (purpose 00, type SA, POHNUM, order date), CUR, DTM 002 for the expected date, N1 ship-to (X3 site) and
/// vendor (X3 supplier), one PO1 per line with the X3 item as buyer's part number (BP) and a PID description, and CTT.
/// A cancelled order is sent with purpose 01; a changed order that was sent before goes out with purpose 04.
/// </summary>
public sealed class PurchaseOrderTo850Mapper(StediPartners partners) : IRecordMapper
{
    public const string PurposeCodePath = "heading/beginning_segment_for_purchase_order_BEG/transaction_set_purpose_code_01";

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        PurchaseOrder order;
        try
        {
            order = CanonicalJson.FromElement<PurchaseOrder>(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"X3 purchase order {record.Key}: the payload is not a purchase order ({exception.Message})");
        }

        var partnership = await partners.PartnershipOfAsync(order.Supplier.Code, cancellationToken);
        if (partnership is null)
        {
            return MapResult.Rejected($"X3 purchase order {order.Number}: supplier {order.Supplier.Code} has no Stedi partnership in the '{StediNames.PartnershipTable}' mapping table any more");
        }

        var problems = new List<string>();
        if (order.Lines.Count == 0)
        {
            problems.Add("it has no lines");
        }

        problems.AddRange(order.Lines.Where(line => line.Quantity <= 0).Select(line => $"line {line.LineNumber} orders {line.Quantity} {line.Unit}"));
        problems.AddRange(order.Lines.Where(line => string.IsNullOrWhiteSpace(line.ItemCode)).Select(line => $"line {line.LineNumber} has no item"));
        if (string.IsNullOrWhiteSpace(order.Currency))
        {
            problems.Add("it has no currency");
        }

        if (problems.Count > 0)
        {
            return MapResult.Rejected($"X3 purchase order {order.Number} cannot be sent as an 850: {string.Join("; ", problems)}");
        }

        var setting = await partners.TransactionSettingAsync(partnership, "850", cancellationToken);
        var transaction = Transaction(order);
        var document = new StediOutboundDocument(partnership, setting, "850", JsonSerializer.SerializeToElement(transaction),
            order.Status == PurchaseOrderStatus.Cancelled ? null : PurposeCodePath,
            order.Status == PurchaseOrderStatus.Cancelled ? null : "04");
        var summary = $"850 {order.Number} to {order.Supplier.Code} ({partnership}): {order.Lines.Count} lines, {order.TotalExcludingTax:0.##} {order.Currency}";
        return MapResult.Mapped(new TargetDocument(StediOutboundDocument.Kind, order.Number, summary, CanonicalJson.ToElement(document)));
    }

    public static JsonObject Transaction(PurchaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var heading = new JsonObject
        {
            ["transaction_set_header_ST"] = new JsonObject { ["transaction_set_identifier_code_01"] = "850", ["transaction_set_control_number_02"] = 1 },
            ["beginning_segment_for_purchase_order_BEG"] = new JsonObject
            {
                ["transaction_set_purpose_code_01"] = order.Status == PurchaseOrderStatus.Cancelled ? "01" : "00",
                ["purchase_order_type_code_02"] = "SA",
                ["purchase_order_number_03"] = order.Number,
                ["date_05"] = X12Codes.Date(order.OrderDate),
            },
            ["currency_CUR"] = new JsonObject { ["entity_identifier_code_01"] = "BY", ["currency_code_02"] = order.Currency },
        };
        if (order.ExpectedDate is { } expected)
        {
            heading["date_time_reference_DTM"] = new JsonArray(new JsonObject { ["date_time_qualifier_01"] = "002", ["date_02"] = X12Codes.Date(expected) });
        }

        var parties = new JsonArray();
        if (!string.IsNullOrWhiteSpace(order.Site))
        {
            parties.Add(Party("ST", order.Site, order.Site));
        }

        parties.Add(Party("VN", order.Supplier.Name, order.Supplier.Code));
        heading["party_identification_N1_loop"] = parties;

        var lines = new JsonArray();
        foreach (var line in order.Lines.OrderBy(line => line.LineNumber))
        {
            var item = new JsonObject
            {
                ["baseline_item_data_PO1"] = new JsonObject
                {
                    ["assigned_identification_01"] = line.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["quantity_02"] = line.Quantity,
                    ["unit_or_basis_for_measurement_code_03"] = X12Codes.Unit(line.Unit),
                    ["unit_price_04"] = line.UnitPrice,
                    ["basis_of_unit_price_code_05"] = "PE",
                    ["product_service_id_qualifier_06"] = "BP",
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

            if (line.ExpectedDate is { } lineDate)
            {
                item["date_time_reference_DTM"] = new JsonArray(new JsonObject { ["date_time_qualifier_01"] = "002", ["date_02"] = X12Codes.Date(lineDate) });
            }

            lines.Add(item);
        }

        return new JsonObject
        {
            ["heading"] = heading,
            ["detail"] = new JsonObject { ["baseline_item_data_PO1_loop"] = lines },
            ["summary"] = new JsonObject
            {
                ["transaction_totals_CTT_loop"] = new JsonArray(new JsonObject
                {
                    ["transaction_totals_CTT"] = new JsonObject
                    {
                        ["number_of_line_items_01"] = order.Lines.Count,
                        ["hash_total_02"] = order.Lines.Sum(line => line.Quantity),
                    },
                }),
            },
        };
    }

    private static JsonObject Party(string role, string name, string code) => new()
    {
        ["party_identification_N1"] = new JsonObject
        {
            ["entity_identifier_code_01"] = role,
            ["name_02"] = name,
            ["identification_code_qualifier_03"] = "92",
            ["identification_code_04"] = code,
        },
    };
}
