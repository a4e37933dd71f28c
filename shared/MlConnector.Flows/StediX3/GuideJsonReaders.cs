using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Core.Documents;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Reads the Guide JSON Stedi translated an inbound 855 or 856 to (004010 names; a 5010 guide's ACK loop is read too)
/// into canonical documents. Each reader explains what is missing instead of guessing.
/// </summary>
internal static class GuideJsonReaders
{
    /// <summary>BAK (02 type, 03 PO number, 09 or 04 date) and per PO1 loop the first ACK (01 status, 02 qty, 03 unit, 05 date).</summary>
    public static (OrderAcknowledgment? Document, string? Problem) Acknowledgment(string transactionId, string partnershipId, JsonObject json, DateOnly fallbackDate)
    {
        var bak = json["heading"]?["beginning_segment_for_purchase_order_acknowledgment_BAK"] as JsonObject;
        var number = Text(bak, "purchase_order_number_03");
        if (bak is null || number is null)
        {
            return (null, "the 855 has no BAK segment with a purchase order number (BAK03)");
        }

        var code = Text(bak, "acknowledgment_type_02");
        AcknowledgmentType? type = code switch
        {
            "AD" or "AK" or "AT" => AcknowledgmentType.AcceptedWithoutChange,
            "AC" or "AE" or "AP" => AcknowledgmentType.AcceptedWithChanges,
            "RD" or "RJ" or "RO" or "RF" => AcknowledgmentType.Rejected,
            _ => null,
        };
        if (type is null)
        {
            return (null, $"the 855 for purchase order {number} has acknowledgment type '{code ?? "(none)"}' (BAK02), which is not one of AC, AD, AE, AK, AP, AT, RD, RF, RJ, RO");
        }

        var lines = new List<AcknowledgedLine>();
        foreach (var loop in Array(json["detail"]?["baseline_item_data_PO1_loop"]))
        {
            var po1 = loop["baseline_item_data_PO1"] as JsonObject;
            var ack = Array(loop["line_item_acknowledgment_ACK"]).FirstOrDefault()
                      ?? Array(loop["line_item_acknowledgment_ACK_loop"]).Select(l => l["line_item_acknowledgment_ACK"] as JsonObject).FirstOrDefault(a => a is not null)
                      ?? loop["line_item_acknowledgment_ACK"] as JsonObject;
            if (!int.TryParse(Text(po1, "assigned_identification_01"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lineNumber))
            {
                return (null, $"a PO1 line of the 855 for purchase order {number} has no numeric line number (PO101), so it cannot be matched to an X3 line");
            }

            var status = Text(ack, "line_item_status_code_01") switch
            {
                "IA" or "AC" => LineAcknowledgmentStatus.Accepted,
                "IR" or "R1" or "R2" or "R3" or "R4" or "ID" => LineAcknowledgmentStatus.Rejected,
                "IB" or "BP" => LineAcknowledgmentStatus.Backordered,
                null => type == AcknowledgmentType.Rejected ? LineAcknowledgmentStatus.Rejected : LineAcknowledgmentStatus.Accepted,
                _ => LineAcknowledgmentStatus.Changed,
            };
            lines.Add(new AcknowledgedLine(
                lineNumber,
                ProductId(po1, 6) ?? string.Empty,
                status,
                Decimal(ack, "quantity_02") ?? Decimal(po1, "quantity_02") ?? 0,
                Text(ack, "unit_or_basis_for_measurement_code_03") ?? Text(po1, "unit_or_basis_for_measurement_code_03") ?? string.Empty,
                X12Codes.ParseDate(Text(ack, "date_05"))));
        }

        return (new OrderAcknowledgment
        {
            SourceId = transactionId,
            PurchaseOrderNumber = number,
            Type = type.Value,
            AcknowledgedOn = X12Codes.ParseDate(Text(bak, "date_09")) ?? X12Codes.ParseDate(Text(bak, "date_04")) ?? fallbackDate,
            TradingPartnerId = partnershipId,
            Lines = lines,
        }, null);
    }

    /// <summary>BSN (02 shipment id, 03 date); HL levels S (TD5 carrier, REF CN/BM tracking), O (PRF01 PO number), I (LIN, SN1).</summary>
    public static (ShipNotice? Document, string? Problem) ShipNotice(string transactionId, JsonObject json)
    {
        var bsn = json["heading"]?["beginning_segment_for_ship_notice_BSN"] as JsonObject;
        var shipmentId = Text(bsn, "shipment_identification_02");
        if (bsn is null || shipmentId is null)
        {
            return (null, "the 856 has no BSN segment with a shipment identification (BSN02)");
        }

        var levels = new List<JsonObject>();
        Collect(json["detail"], levels);
        var orders = new List<string>();
        string? carrier = null;
        string? tracking = null;
        var lines = new List<ShippedLine>();
        foreach (var level in levels)
        {
            var code = Text(level["hierarchical_level_HL"] as JsonObject, "hierarchical_level_code_03");
            switch (code)
            {
                case "S":
                    carrier ??= Array(level["carrier_details_routing_sequence_transit_time_TD5"]).Select(td5 => Text(td5, "identification_code_03")).FirstOrDefault(c => c is not null);
                    tracking ??= Array(level["reference_information_REF"]).Concat(Array(level["reference_identification_REF"]))
                        .Where(r => Text(r, "reference_identification_qualifier_01") is "CN" or "2I" or "BM")
                        .OrderBy(r => Text(r, "reference_identification_qualifier_01") == "BM" ? 1 : 0)
                        .Select(r => Text(r, "reference_identification_02")).FirstOrDefault(t => t is not null);
                    break;
                case "O":
                    if (Text(level["purchase_order_reference_PRF"] as JsonObject, "purchase_order_number_01") is { } po && !orders.Contains(po))
                    {
                        orders.Add(po);
                    }

                    break;
                case "I":
                    var lin = level["item_identification_LIN"] as JsonObject;
                    var sn1 = level["item_detail_shipment_SN1"] as JsonObject;
                    var quantity = Decimal(sn1, "number_of_units_shipped_02");
                    if (quantity is null)
                    {
                        return (null, $"an item level of ship notice {shipmentId} has no shipped quantity (SN102)");
                    }

                    var lineNumber = int.TryParse(Text(lin, "assigned_identification_01") ?? Text(sn1, "assigned_identification_01"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
                    lines.Add(new ShippedLine(lineNumber, ProductId(lin, 2) ?? string.Empty, quantity.Value, Text(sn1, "unit_or_basis_for_measurement_code_03") ?? string.Empty));
                    break;
            }
        }

        if (orders.Count != 1)
        {
            return (null, orders.Count == 0
                ? $"ship notice {shipmentId} names no purchase order (no order level with PRF01)"
                : $"ship notice {shipmentId} covers {orders.Count} purchase orders ({string.Join(", ", orders)}); X3 receipts are written one order per ship notice, so ask the partner for one 856 per order");
        }

        if (lines.Count == 0)
        {
            return (null, $"ship notice {shipmentId} for purchase order {orders[0]} has no item levels (LIN/SN1)");
        }

        return (new ShipNotice
        {
            SourceId = transactionId,
            ShipmentId = shipmentId,
            PurchaseOrderNumber = orders[0],
            ShipDate = X12Codes.ParseDate(Text(bsn, "date_03")) ?? DateOnly.MinValue,
            CarrierCode = carrier,
            TrackingNumber = tracking,
            Lines = lines,
        }, null);
    }

    /// <summary>HL loops, flat (Stedi's usual shape) or nested under their parents.</summary>
    private static void Collect(JsonNode? node, List<JsonObject> levels)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var loop in Array(obj["hierarchical_level_HL_loop"]))
        {
            levels.Add(loop);
            Collect(loop, levels);
        }
    }

    /// <summary>The buyer's part number (BP) among the qualifier/id pairs from <paramref name="first"/>, else the first id.</summary>
    private static string? ProductId(JsonObject? segment, int first)
    {
        string? any = null;
        for (var i = first; i < first + 20; i += 2)
        {
            var qualifier = Text(segment, $"product_service_id_qualifier_{i:00}");
            var id = Text(segment, $"product_service_id_{i + 1:00}");
            if (id is null)
            {
                continue;
            }

            if (qualifier == "BP")
            {
                return id;
            }

            any ??= id;
        }

        return any;
    }

    private static IEnumerable<JsonObject> Array(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static string? Text(JsonObject? node, string name) => node?[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;

    private static decimal? Decimal(JsonObject? node, string name) =>
        decimal.TryParse(Text(node, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
