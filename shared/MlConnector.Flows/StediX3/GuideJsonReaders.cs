using System.Text.Json.Nodes;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Core.Documents;
using static MlConnector.Connectors.Stedi.GuideJson.GuideJsonReader;

namespace MlConnector.Flows.StediX3;

/// <summary>A line of an 855 as the partner sent it: PO101 as written (<c>item-1</c> is common), its part ids and its first ACK.</summary>
internal sealed record ReceivedAckLine(int Position, string? AssignedId, IReadOnlyList<(string? Qualifier, string Id)> Ids, LineAcknowledgmentStatus Status, decimal Quantity, string Unit, DateOnly? ScheduledDate);

/// <summary>An 855 before its lines are matched to the X3 order.</summary>
internal sealed record ReceivedAcknowledgment(string PurchaseOrderNumber, AcknowledgmentType Type, DateOnly AcknowledgedOn, IReadOnlyList<ReceivedAckLine> Lines);

/// <summary>One item level of an 856: the order level above it (PRF01), LIN01 and its part ids, and SN1's quantity.</summary>
internal sealed record ReceivedItem(string HierarchicalId, string? PurchaseOrderNumber, string? AssignedId, IReadOnlyList<(string? Qualifier, string Id)> Ids, decimal Quantity, string Unit);

/// <summary>An 856 before its items are matched to X3 orders: shipment facts and every item level, whatever the nesting.</summary>
internal sealed record ReceivedShipNotice(string ShipmentId, DateOnly ShipDate, string? CarrierCode, string? TrackingNumber, IReadOnlyList<string> Orders, IReadOnlyList<ReceivedItem> Items);

/// <summary>
/// Reads the Guide JSON Stedi translated an inbound 855 or 856 to, by X12 identity (<see cref="GuideJsonReader"/>): any
/// release's names and any guide's qualifier suffixes read the same. Each reader explains what is missing instead of
/// guessing.
/// </summary>
internal static class GuideJsonReaders
{
    /// <summary>BAK (02 type, 03 PO number, 09 or 04 date) and per PO1 loop the part ids and the first ACK (01 status, 02 qty, 03 unit, 05 date).</summary>
    public static (ReceivedAcknowledgment? Document, string? Problem) Acknowledgment(JsonObject json, DateOnly fallbackDate)
    {
        var bak = Segment(json["heading"], "BAK");
        var number = Element(bak, 3);
        if (bak is null || number is null)
        {
            return (null, "the 855 has no BAK segment with a purchase order number (BAK03)");
        }

        var code = Element(bak, 2);
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

        var lines = new List<ReceivedAckLine>();
        foreach (var loop in Loops(json["detail"], "PO1"))
        {
            var po1 = Segment(loop, "PO1");
            var ack = Segment(loop, "ACK") ?? Loops(loop, "ACK").Select(l => Segment(l, "ACK")).FirstOrDefault(a => a is not null);
            var status = Element(ack, 1) switch
            {
                "IA" or "AC" => LineAcknowledgmentStatus.Accepted,
                "IR" or "R1" or "R2" or "R3" or "R4" or "ID" => LineAcknowledgmentStatus.Rejected,
                "IB" or "BP" => LineAcknowledgmentStatus.Backordered,
                null => type == AcknowledgmentType.Rejected ? LineAcknowledgmentStatus.Rejected : LineAcknowledgmentStatus.Accepted,
                _ => LineAcknowledgmentStatus.Changed,
            };
            lines.Add(new ReceivedAckLine(
                lines.Count,
                Element(po1, 1),
                IdentifierPairs(po1, 6),
                status,
                Decimal(ack, 2) ?? Decimal(po1, 2) ?? 0,
                Element(ack, 3) ?? Element(po1, 3) ?? string.Empty,
                X12Codes.ParseDate(Element(ack, 5))));
        }

        return (new ReceivedAcknowledgment(number, type.Value, X12Codes.ParseDate(Element(bak, 9)) ?? X12Codes.ParseDate(Element(bak, 4)) ?? fallbackDate, lines), null);
    }

    /// <summary>
    /// BSN (02 shipment id, 03 date) and every HL level, flat (Stedi's usual shape) or nested under its parent, under
    /// any key a guide gives it (<c>hierarchical_level_HL_loop_tare</c>, <c>…_pack</c>): shipment (TD5 carrier, REF CN/BM
    /// tracking), order (PRF01), tare and pack (MAN, REF CN), item (LIN, SN1). An item belongs to the order level above it
    /// (by nesting or by HL02 parent ids), whatever tare or pack levels lie between.
    /// </summary>
    public static (ReceivedShipNotice? Document, string? Problem) ShipNotice(JsonObject json)
    {
        var bsn = Segment(json["heading"], "BSN");
        var shipmentId = Element(bsn, 2);
        if (bsn is null || shipmentId is null)
        {
            return (null, "the 856 has no BSN segment with a shipment identification (BSN02)");
        }

        var levels = new List<(JsonObject Level, string? NestedParent)>();
        Collect(json["detail"], null, levels);
        var byId = new Dictionary<string, (JsonObject Level, string? Parent)>(StringComparer.Ordinal);
        foreach (var (level, nestedParent) in levels)
        {
            var hl = Segment(level, "HL");
            var id = Element(hl, 1) ?? $"#{byId.Count + 1}";
            byId.TryAdd(id, (level, Element(hl, 2) ?? nestedParent));
        }

        string? carrier = null;
        string? tracking = null;
        var items = new List<ReceivedItem>();
        foreach (var (id, (level, _)) in byId)
        {
            switch (Element(Segment(level, "HL"), 3))
            {
                case "S":
                    carrier ??= Segments(level, "TD5").Select(td5 => Element(td5, 3)).FirstOrDefault(c => c is not null);
                    tracking ??= Segments(level, "REF")
                        .Where(r => Element(r, 1) is "CN" or "2I" or "BM")
                        .OrderBy(r => Element(r, 1) == "BM" ? 1 : 0)
                        .Select(r => Element(r, 2)).FirstOrDefault(t => t is not null);
                    break;
                case "I":
                    var lin = Segment(level, "LIN");
                    var sn1 = Segment(level, "SN1");
                    var quantity = Decimal(sn1, 2);
                    if (quantity is null)
                    {
                        return (null, $"item level {id} of ship notice {shipmentId} has no shipped quantity (SN102)");
                    }

                    items.Add(new ReceivedItem(id, OrderAbove(id, byId), Element(lin, 1) ?? Element(sn1, 1), IdentifierPairs(lin, 2), quantity.Value, Element(sn1, 3) ?? string.Empty));
                    break;
            }
        }

        // Tracking can sit on the tare or pack level (REF CN) when the shipment level has none.
        tracking ??= byId.Values.Where(v => Element(Segment(v.Level, "HL"), 3) is "T" or "P")
            .SelectMany(v => Segments(v.Level, "REF")).Where(r => Element(r, 1) is "CN" or "2I")
            .Select(r => Element(r, 2)).FirstOrDefault(t => t is not null);
        if (items.Count == 0)
        {
            return (null, $"ship notice {shipmentId} has no item levels (HL03 I with LIN/SN1)");
        }

        var orders = byId.Values.Where(v => Element(Segment(v.Level, "HL"), 3) == "O")
            .Select(v => Element(Segment(v.Level, "PRF"), 1)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (new ReceivedShipNotice(shipmentId, X12Codes.ParseDate(Element(bsn, 3)) ?? DateOnly.MinValue, carrier, tracking, orders, items), null);
    }

    /// <summary>The PRF01 of the nearest order level above <paramref name="id"/>.</summary>
    private static string? OrderAbove(string id, Dictionary<string, (JsonObject Level, string? Parent)> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = byId[id].Parent; current is not null && seen.Add(current) && byId.TryGetValue(current, out var level); current = level.Parent)
        {
            if (Element(Segment(level.Level, "HL"), 3) == "O")
            {
                return Element(Segment(level.Level, "PRF"), 1);
            }
        }

        return null;
    }

    /// <summary>HL loops under any HL key, flat or nested: each with the HL01 of the level it is nested in.</summary>
    private static void Collect(JsonNode? node, string? parentId, List<(JsonObject, string?)> levels)
    {
        foreach (var loop in Loops(node, "HL"))
        {
            levels.Add((loop, parentId));
            Collect(loop, Element(Segment(loop, "HL"), 1), levels);
        }
    }
}
