namespace MlConnector.Simulators.Jaggaer.Model;

/// <summary>
/// A purchase order as the simulator's synthetic PO resource serves it. JAGGAER publishes no PO endpoint: the shape
/// is the one the research infers from JAGGAER's invoice conventions, flagged as synthetic in every answer.
/// </summary>
public sealed record SimPurchaseOrder(long PurchaseOrderId, string PoNumber, int SupplierId, DateOnly OrderDate, string Currency, IReadOnlyList<SimPurchaseOrderLine> Lines)
{
    /// <summary>e.g. Issued, Closed, Cancelled.</summary>
    public string Status { get; init; } = "Issued";
    public string BusinessUnit { get; init; } = "Main";
    public int Version { get; init; } = 1;

    /// <summary>Set by the store when absent.</summary>
    public DateTimeOffset? LastUpdate { get; init; }

    public decimal Total => Lines.Sum(line => line.Quantity * line.UnitPrice);
}

/// <param name="CatalogNumber">Null for a non-catalog line, which JAGGAER sends without one.</param>
/// <param name="Account">The GL account segment (<c>internalName</c> Account) of the line's accounting.</param>
/// <param name="CostCenter">The cost-centre segment (<c>internalName</c> CostCenter), if any.</param>
public sealed record SimPurchaseOrderLine(int LineNumber, string Description, string? CatalogNumber, string Unit, decimal Quantity, decimal UnitPrice, string Account, string? CostCenter);
