using System.Globalization;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Connectors.AdobeCommerce.Orders;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce.Shipments;

/// <summary>
/// Writes an X3 shipment to Adobe Commerce. Before creating a shipment it reads the order's existing shipments
/// and stops if one already carries one of our tracking numbers or our marker comment, so a second call (a
/// redelivered message, or a retry after the answer to the ship call was lost) never ships twice. Status-only
/// changes (delivered, cancelled) become one order comment, also written once.
/// </summary>
public sealed class AdobeCommerceShipmentSink : ITargetSink
{
    public const string DocumentKind = "adobe-shipment";

    private readonly AdobeCommerceClient _client;
    private readonly IOptions<AdobeCommerceOptions> _options;
    private readonly ShipmentItemPlanner _planner;

    public AdobeCommerceShipmentSink(AdobeCommerceClient client, IOptions<AdobeCommerceOptions> options)
    {
        _client = client;
        _options = options;
        _planner = new ShipmentItemPlanner(client);
    }

    /// <summary>The comment every shipment this connector creates carries; it identifies the X3 shipment even without tracking.</summary>
    public static string MarkerFor(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return $"X3 shipment {shipment.SourceId}";
    }

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shipment = CanonicalJson.FromElement<Shipment>(request.Document.Body);
        try
        {
            var order = await _client.FindOrderByIncrementIdAsync(shipment.OrderReference, cancellationToken)
                        ?? throw new TargetWriteException($"Order {shipment.OrderReference} was not found in Adobe Commerce.", isTransient: false, statusCode: 404);
            var orderId = order.EntityId ?? throw new TargetWriteException($"Order {shipment.OrderReference} has no entity_id.", isTransient: false);

            switch (shipment.Status)
            {
                case FulfillmentStatus.Shipped or FulfillmentStatus.PartiallyShipped:
                    return await EnsureShippedAsync(order, orderId, shipment, cancellationToken);
                case FulfillmentStatus.Delivered:
                    // X3 may report delivery without Commerce having seen the shipment: create it first when something is still open.
                    if (HasOpenQuantity(order) && (shipment.Tracking.Count > 0 || shipment.Lines.Count > 0))
                    {
                        await EnsureShippedAsync(order, orderId, shipment, cancellationToken);
                    }

                    return await EnsureCommentAsync(order, orderId, shipment, "delivered", cancellationToken);
                case FulfillmentStatus.Cancelled:
                    return await EnsureCommentAsync(order, orderId, shipment, "cancelled", cancellationToken);
                default:
                    throw new TargetWriteException($"X3 shipment {shipment.SourceId} is {shipment.Status}: nothing to write to Adobe Commerce.", isTransient: false);
            }
        }
        catch (AdobeCommerceApiException exception)
        {
            throw new TargetWriteException(exception.Message, exception.IsTransient, (int?)exception.StatusCode, exception);
        }
    }

    private async Task<WriteResult> EnsureShippedAsync(CommerceOrder order, long orderId, Shipment shipment, CancellationToken cancellationToken)
    {
        var existing = await _client.ListShipmentsAsync(orderId, cancellationToken);
        var already = existing.FirstOrDefault(candidate => IsSameShipment(candidate, shipment));
        if (already is not null)
        {
            return new WriteResult(already.EntityId.ToString(CultureInfo.InvariantCulture), WriteAction.AlreadyPresent);
        }

        var ship = new ShipOrderRequest
        {
            // No X3 lines means "everything still open", which Commerce does itself for an empty list.
            Items = shipment.Lines.Count == 0 ? [] : await _planner.PlanAsync(order, shipment, cancellationToken),
            Notify = _options.Value.NotifyCustomerOnShipment,
            AppendComment = true,
            Comment = new ShipOrderComment(MarkerFor(shipment), IsVisibleOnFront: 0),
            Tracks = shipment.Tracking
                .Select(track => new ShipOrderTrack(track.TrackingNumber, track.CarrierTitle, track.CarrierCode))
                .ToList(),
        };
        var shipmentId = await _client.ShipOrderAsync(orderId, ship, cancellationToken);
        return new WriteResult(shipmentId.ToString(CultureInfo.InvariantCulture), WriteAction.Created);
    }

    private async Task<WriteResult> EnsureCommentAsync(CommerceOrder order, long orderId, Shipment shipment, string what, CancellationToken cancellationToken)
    {
        var comment = $"{MarkerFor(shipment)}: {what}" +
                      (shipment.Tracking.Count > 0 ? $" (tracking {string.Join(", ", shipment.Tracking.Select(t => t.TrackingNumber))})" : string.Empty);
        var targetId = $"{orderId.ToString(CultureInfo.InvariantCulture)}:{what}";
        if (order.StatusHistories.Any(history => string.Equals(history.Comment, comment, StringComparison.Ordinal)))
        {
            return new WriteResult(targetId, WriteAction.AlreadyPresent);
        }

        await _client.AddOrderCommentAsync(orderId, new OrderStatusComment { Comment = comment, ParentId = orderId }, cancellationToken);
        return new WriteResult(targetId, WriteAction.Created);
    }

    private static bool IsSameShipment(CommerceShipment candidate, Shipment shipment)
    {
        var marker = MarkerFor(shipment);
        return candidate.Tracks.Any(track => shipment.Tracking.Any(ours =>
                   string.Equals(ours.TrackingNumber, track.TrackNumber, StringComparison.OrdinalIgnoreCase))) ||
               candidate.Comments.Any(comment => string.Equals(comment.Comment, marker, StringComparison.Ordinal));
    }

    private static bool HasOpenQuantity(CommerceOrder order) =>
        OrderItemTree.Build(order.Items).Lines.Any(line => !line.IsVirtual && (line.Parent is null || !line.Parent.IsConfigurable) &&
                                                           line.OpenQuantity - (line.Item.QtyShipped ?? 0) > 0);
}
