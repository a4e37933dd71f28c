namespace MlConnector.Core.Documents;

/// <summary>An advance shipment notice received from a trading partner (X12 856, RSX Shipment).</summary>
public sealed record ShipNotice
{
    public required string SourceId { get; init; }
    public required string ShipmentId { get; init; }
    public required string PurchaseOrderNumber { get; init; }
    public required DateOnly ShipDate { get; init; }
    public string? CarrierCode { get; init; }
    public string? TrackingNumber { get; init; }
    public required IReadOnlyList<ShippedLine> Lines { get; init; }
}

public sealed record ShippedLine(int LineNumber, string ItemCode, decimal Quantity, string Unit)
{
    /// <summary>The order line this shipped line fulfils (X3 SOPLIN on a delivery line), when the source links them.</summary>
    public int? OrderLineNumber { get; init; }
}
