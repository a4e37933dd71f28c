namespace MlConnector.Core.Documents;

/// <summary>A fulfilment the hub reports back to a storefront: what shipped, how, and how to track it.</summary>
public sealed record Shipment
{
    public required string SourceId { get; init; }
    public required string OrderReference { get; init; }
    public required DateOnly ShipDate { get; init; }
    public required FulfillmentStatus Status { get; init; }
    public required IReadOnlyList<ShipmentTracking> Tracking { get; init; }
    public required IReadOnlyList<ShippedLine> Lines { get; init; }

    /// <summary>The ERP sales order this shipment delivers (X3 SOHNUM), when the ERP says.</summary>
    public string? SalesOrderNumber { get; init; }

    /// <summary>The ERP's code of the address it ships to (an X3 delivery address, BPAADD: a DC or a store), when set.</summary>
    public string? ShipToCode { get; init; }
}

public sealed record ShipmentTracking(string CarrierCode, string CarrierTitle, string TrackingNumber);

public enum FulfillmentStatus
{
    Pending,
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
}
