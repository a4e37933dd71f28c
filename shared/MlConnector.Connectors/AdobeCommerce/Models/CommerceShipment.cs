namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>A shipment as <c>GET /V1/shipments</c> returns it.</summary>
public sealed record CommerceShipment
{
    public long EntityId { get; init; }
    public string? IncrementId { get; init; }
    public long? OrderId { get; init; }
    public IReadOnlyList<CommerceShipmentItem> Items { get; init; } = [];
    public IReadOnlyList<CommerceShipmentTrack> Tracks { get; init; } = [];
    public IReadOnlyList<CommerceShipmentComment> Comments { get; init; } = [];
}

public sealed record CommerceShipmentItem
{
    public long? OrderItemId { get; init; }
    public string? Sku { get; init; }
    public decimal? Qty { get; init; }
}

public sealed record CommerceShipmentTrack
{
    public string? TrackNumber { get; init; }
    public string? Title { get; init; }
    public string? CarrierCode { get; init; }
}

public sealed record CommerceShipmentComment
{
    public string? Comment { get; init; }
}
