using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// A confirmed X3 sales delivery (SDELIVERY) of an order that came from SPS, as the RSX 7.7.7 Shipment (856) retailers
/// require, in the shipment / order / pack / item hierarchy (ASNStructureCode 0001; shape: SPS's full-field Shipments
/// example, shared/contracts/sps-rsx-7.7.7/Shipments-sample.json). The shipment names the carrier, ship date and ship-to;
/// an order level per destination (one per mark-for store on a cross-dock order, else one) echoes the PO's numbers,
/// references and notes; each carton is a pack with its SSCC-18 (<see cref="Sscc18"/>, cartons of the buyer's pack size
/// when the order gave one, else one per line) and X3's tracking number; each item echoes the buyer's identifiers with
/// the quantity ordered beside the quantity shipped. The first 856 of a delivery is an original (00), a changed delivery
/// is sent again as a replace (05); the file name is fixed by the delivery and its X3 version
/// (<c>SH_{partner}_{delivery}_{version}.json</c>), so a retry overwrites rather than sends a second notice.
/// </summary>
public sealed class X3DeliveryToRsxShipmentMapper(SpsCommerceX3Options options, ISpsOrderArchive archive, IMappingTables mappings) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        Shipment delivery;
        try
        {
            delivery = CanonicalJson.FromElement<Shipment>(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"X3 delivery {record.Key}: the payload is not a delivery ({exception.Message})");
        }

        if (!SpsOriginatedStream.TryParseKey(delivery.OrderReference, out var partner, out var purchaseOrder))
        {
            return MapResult.Rejected($"X3 delivery {delivery.SourceId} delivers no order from SPS (its reference '{delivery.OrderReference}' is not a trading partner~PO key).");
        }

        if (delivery.Status == FulfillmentStatus.Pending)
        {
            return MapResult.Rejected($"X3 delivery {delivery.SourceId} (PO {purchaseOrder} from {partner}) is not confirmed yet: confirm it in X3 and its 856 is sent on the next poll.");
        }

        if (delivery.Lines.Count == 0 || delivery.Lines.All(l => l.Quantity <= 0))
        {
            return MapResult.Rejected($"X3 delivery {delivery.SourceId} (PO {purchaseOrder} from {partner}) ships nothing: no line has a quantity.");
        }

        var (archived, _) = await archive.ReadAsync(delivery.OrderReference, cancellationToken);
        var ordered = archived?.Order;
        var items = await ItemsAsync(delivery, ordered, cancellationToken);
        var crossDock = ordered?.ShipTo is not null;
        var carton = 0;
        var orderLevels = new JsonArray();
        foreach (var destination in items.GroupBy(i => crossDock ? i.Ordered?.DestinationLocation : null))
        {
            var packs = new JsonArray();
            foreach (var item in destination)
            {
                foreach (var quantity in Cartons(item.Shipped.Quantity, item.Ordered?.PackSize))
                {
                    packs.Add(Pack(++carton, delivery, item, quantity));
                }
            }

            var level = new JsonObject { ["OrderHeader"] = OrderHeader(delivery, ordered, purchaseOrder) };
            if (ordered is not null)
            {
                RsxEcho.AddArray(level, "References", RsxEcho.References(ordered.References));
                RsxEcho.AddArray(level, "Notes", RsxEcho.Notes(ordered.Notes));
                var parties = ordered.Addresses.Where(a => a.Role is AddressRole.BuyingParty).Select(RsxEcho.Address).ToList();
                if (destination.Key is { } store)
                {
                    parties.Insert(0, RsxEcho.Store(store, markFor: true));
                }

                RsxEcho.AddArray(level, "Address", parties);
            }

            level["PackLevel"] = packs;
            orderLevels.Add(level);
        }

        var header = new JsonObject { ["ShipmentHeader"] = ShipmentHeader(delivery, ordered, partner, archived?.ShipmentsSent.GetValueOrDefault(delivery.SourceId) > 0) };
        var dates = new List<JsonObject> { new() { ["DateTimeQualifier"] = "011", ["Date"] = RsxEcho.Date(delivery.ShipDate) } };
        if (ordered?.RequestedDeliveryDate is { } wanted)
        {
            dates.Add(new JsonObject { ["DateTimeQualifier"] = "002", ["Date"] = RsxEcho.Date(wanted) });
        }

        RsxEcho.AddArray(header, "Dates", dates);
        RsxEcho.AddArray(header, "Address", ShipToAddresses(delivery, ordered, items));
        header["CarrierInformation"] = new JsonArray(Carrier(delivery, ordered));
        header["QuantityAndWeight"] = new JsonArray(new JsonObject { ["PackingMedium"] = "CTN", ["LadingQuantity"] = carton });
        if (ordered is not null)
        {
            RsxEcho.AddArray(header, "FOBRelatedInstruction", RsxEcho.Fob(ordered.Fob));
        }

        var notice = new JsonObject
        {
            ["Header"] = header,
            ["OrderLevel"] = orderLevels,
            ["Summary"] = new JsonObject { ["TotalLineItemNumber"] = items.Count },
        };
        var name = X3SalesOrderToRsxAckMapper.FileName("SH", partner, delivery.SourceId, record.Version);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"856 for X3 delivery {delivery.SourceId} of PO {purchaseOrder} to {partner}: {items.Count} lines in {carton} cartons as {name}");
        return MapResult.Mapped(new TargetDocument(SpsRsxUploadSink.Kind, name, summary, CanonicalJson.ToElement(notice)));
    }

    /// <summary>A delivered line with the order line it fulfils (by X3 order line, else by item) and the buyer's unit.</summary>
    private sealed record DeliveredItem(ShippedLine Shipped, SalesOrderLine? Ordered, string Unit, int Position);

    private async Task<List<DeliveredItem>> ItemsAsync(Shipment delivery, SalesOrder? ordered, CancellationToken cancellationToken)
    {
        var unmatched = ordered?.Lines.ToList() ?? [];
        var items = new List<DeliveredItem>();
        foreach (var (line, i) in delivery.Lines.Where(l => l.Quantity > 0).Select((l, i) => (l, i)))
        {
            var asked = unmatched.FirstOrDefault(l => line.OrderLineNumber is { } number && l.LineNumber == number)
                ?? unmatched.FirstOrDefault(l => line.OrderLineNumber is null && l.ItemCode == line.ItemCode);
            if (asked is not null)
            {
                unmatched.Remove(asked);
            }

            items.Add(new DeliveredItem(line, asked, asked?.BuyerUnit ?? await RsxEcho.UnitAsync(mappings, line.Unit, options.EachUnit, cancellationToken), i + 1));
        }

        return items;
    }

    /// <summary>Carton quantities: full cartons of the buyer's pack size and the rest, or the whole line in one.</summary>
    private static IEnumerable<decimal> Cartons(decimal quantity, decimal? packSize)
    {
        if (packSize is not > 0 || packSize >= quantity)
        {
            yield return quantity;
            yield break;
        }

        for (var left = quantity; left > 0; left -= packSize.Value)
        {
            yield return Math.Min(left, packSize.Value);
        }
    }

    private JsonObject Pack(int carton, Shipment delivery, DeliveredItem item, decimal quantity)
    {
        var pack = new JsonObject { ["PackLevelType"] = "P", ["ShippingSerialID"] = Sscc18.For(options.SsccCompanyPrefix, delivery.SourceId, carton) };
        if (delivery.Tracking.Count > 0 && delivery.Tracking[0].TrackingNumber is { Length: > 0 } tracking)
        {
            pack["CarrierPackageID"] = tracking;
        }

        var line = new JsonObject { ["LineSequenceNumber"] = RsxEcho.BuyerLineNumber(item.Ordered, item.Shipped.OrderLineNumber ?? item.Shipped.LineNumber, item.Position) };
        RsxEcho.Identifiers(line, item.Ordered, item.Shipped.ItemCode);
        var ordered = item.Ordered?.Quantity;
        line["OrderQty"] = ordered ?? item.Shipped.Quantity;
        line["OrderQtyUOM"] = item.Unit;
        if (item.Ordered is { } asked)
        {
            line["PurchasePrice"] = asked.UnitPrice;
        }

        // AC: the line ships complete; BP: part of it ships now, the balance later (X12 668 codes, as RSX uses them).
        line["ItemStatusCode"] = ordered is null || item.Shipped.Quantity >= ordered ? "AC" : "BP";
        line["ShipQty"] = quantity;
        line["ShipQtyUOM"] = item.Unit;
        line["ShipDate"] = RsxEcho.Date(delivery.ShipDate);
        return new JsonObject
        {
            ["Pack"] = pack,
            ["ItemLevel"] = new JsonArray(new JsonObject
            {
                ["ShipmentLine"] = line,
                ["ProductOrItemDescription"] = RsxEcho.Description(item.Ordered?.Description, item.Shipped.ItemCode),
            }),
        };
    }

    private static JsonObject ShipmentHeader(Shipment delivery, SalesOrder? ordered, string partner, bool sentBefore)
    {
        var header = new JsonObject
        {
            ["TradingPartnerId"] = partner,
            ["ShipmentIdentification"] = delivery.SourceId,
            ["ShipDate"] = RsxEcho.Date(delivery.ShipDate),
            ["TsetPurposeCode"] = sentBefore ? "05" : "00",
            ["ShipNoticeDate"] = RsxEcho.Date(delivery.ShipDate),
            ["ASNStructureCode"] = "0001",
            ["CurrentScheduledDeliveryDate"] = ordered?.RequestedDeliveryDate is { } wanted ? RsxEcho.Date(wanted) : null,
        };
        return RsxEcho.Compact(header);
    }

    private static JsonObject OrderHeader(Shipment delivery, SalesOrder? ordered, string purchaseOrder) => RsxEcho.OrderNumbers(new JsonObject
    {
        ["InternalOrderNumber"] = delivery.SalesOrderNumber,
        ["PurchaseOrderNumber"] = purchaseOrder,
        ["ReleaseNumber"] = ordered?.ReleaseNumber,
        ["PurchaseOrderDate"] = ordered is null ? null : RsxEcho.Date(ordered.OrderDate),
    }, ordered);

    /// <summary>
    /// Where the goods go: the order's ship-to (the DC of a cross-dock order, the consumer of a drop-ship) and ship-from;
    /// on a multi-store order without one, the store this delivery serves (X3's delivery address, else the lines' store).
    /// </summary>
    private static IEnumerable<JsonObject> ShipToAddresses(Shipment delivery, SalesOrder? ordered, IReadOnlyList<DeliveredItem> items)
    {
        if (ordered?.ShipTo is { } shipTo)
        {
            yield return RsxEcho.Address(shipTo);
        }
        else if ((delivery.ShipToCode ?? items.Select(i => i.Ordered?.DestinationLocation).Distinct().SingleOrDefault()) is { } store)
        {
            yield return RsxEcho.Store(store, markFor: false);
        }

        foreach (var shipFrom in ordered?.Addresses.Where(a => a.Role == AddressRole.ShipFrom) ?? [])
        {
            yield return RsxEcho.Address(shipFrom);
        }
    }

    /// <summary>X3's carrier (its code as the alpha code, its name as the routing) with the buyer's transport method and service level.</summary>
    private static JsonObject Carrier(Shipment delivery, SalesOrder? ordered)
    {
        var asked = ordered is { Carriers.Count: > 0 } ? ordered.Carriers[0] : null;
        var shipped = delivery.Tracking.Count > 0 ? delivery.Tracking[0] : null;
        var carrier = RsxEcho.Compact(new JsonObject
        {
            ["CarrierTransMethodCode"] = asked?.TransportMethod,
            ["CarrierAlphaCode"] = shipped?.CarrierCode ?? asked?.CarrierCode,
            ["CarrierRouting"] = shipped?.CarrierTitle ?? asked?.Routing,
        });
        if (asked?.ServiceLevel is { } level)
        {
            carrier["ServiceLevelCodes"] = new JsonArray(new JsonObject { ["ServiceLevelCode"] = level });
        }

        return carrier;
    }
}
