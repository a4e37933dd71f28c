using System.Text.Json.Serialization;

namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>
/// The body of <c>POST /V1/order/{orderId}/ship</c>. Keys are the PHP argument names, so two are camelCase.
/// Empty <see cref="Items"/> ships everything still open.
/// </summary>
public sealed record ShipOrderRequest
{
    public IReadOnlyList<ShipOrderItem> Items { get; init; } = [];
    public bool Notify { get; init; }

    [JsonPropertyName("appendComment")]
    public bool AppendComment { get; init; }

    public ShipOrderComment? Comment { get; init; }
    public IReadOnlyList<ShipOrderTrack> Tracks { get; init; } = [];
}

public sealed record ShipOrderItem(long OrderItemId, decimal Qty);

public sealed record ShipOrderComment(string Comment, int IsVisibleOnFront);

public sealed record ShipOrderTrack(string TrackNumber, string Title, string CarrierCode);
