using System.Text.Json;
using MlConnector.Connectors.AdobeCommerce.Shipments;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// An X3 shipment (canonical <see cref="Shipment"/>, <c>OrderReference</c> = the Adobe increment_id) becomes an
/// <c>adobe-shipment</c> document for <see cref="AdobeCommerceShipmentSink"/>. Carrier codes are normalised to
/// Commerce's (lower case, <c>custom</c> when X3 names none).
/// </summary>
public sealed class X3ShipmentToAdobeShipmentMapper : IRecordMapper
{
    public ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Shipment shipment;
        try
        {
            shipment = CanonicalJson.FromElement<Shipment>(record.Payload);
        }
        catch (JsonException exception)
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 shipment {record.Key}: the payload is not a shipment ({exception.Message})"));
        }

        if (string.IsNullOrWhiteSpace(shipment.OrderReference))
        {
            return ValueTask.FromResult(MapResult.Rejected($"X3 shipment {shipment.SourceId}: no Adobe Commerce order number (OrderReference is empty)"));
        }

        if (shipment.Status == FulfillmentStatus.Pending)
        {
            return ValueTask.FromResult(MapResult.Rejected(
                $"X3 shipment {shipment.SourceId} for order {shipment.OrderReference} is still pending: nothing to send to Adobe Commerce yet"));
        }

        var normalized = shipment with
        {
            OrderReference = shipment.OrderReference.Trim(),
            Tracking = shipment.Tracking
                .Where(track => !string.IsNullOrWhiteSpace(track.TrackingNumber))
                .Select(Normalize)
                .ToList(),
        };
        var summary = $"{shipment.Status} shipment {shipment.SourceId} for order {normalized.OrderReference}" +
                      (normalized.Tracking.Count > 0 ? $", tracking {string.Join(", ", normalized.Tracking.Select(t => t.TrackingNumber))}" : string.Empty);
        return ValueTask.FromResult(MapResult.Mapped(
            new TargetDocument(AdobeCommerceShipmentSink.DocumentKind, shipment.SourceId, summary, CanonicalJson.ToElement(normalized))));
    }

    private static ShipmentTracking Normalize(ShipmentTracking track)
    {
        var code = string.IsNullOrWhiteSpace(track.CarrierCode) ? "custom" : track.CarrierCode.Trim().ToLowerInvariant();
        var title = string.IsNullOrWhiteSpace(track.CarrierTitle) ? code : track.CarrierTitle.Trim();
        return new ShipmentTracking(code, title, track.TrackingNumber.Trim());
    }
}
