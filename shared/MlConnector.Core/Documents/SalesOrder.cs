namespace MlConnector.Core.Documents;

/// <summary>
/// A customer's order to us: a retail trading partner's purchase order (X12 850, RSX Order) as the sales order the
/// ERP fulfils. <see cref="CustomerOrderNumber"/> is the buyer's PO number, carried back on acknowledgments and invoices.
/// </summary>
public sealed record SalesOrder
{
    /// <summary>The source's identity of this order (e.g. trading partner and PO number), stable across versions.</summary>
    public required string SourceId { get; init; }

    /// <summary>The buyer's purchase order number.</summary>
    public required string CustomerOrderNumber { get; init; }

    public required PartyReference Customer { get; init; }
    public required DateOnly OrderDate { get; init; }
    public required string Currency { get; init; }
    public string? Site { get; init; }
    public DateOnly? RequestedDate { get; init; }
    public PurchaseOrderStatus Status { get; init; } = PurchaseOrderStatus.Open;

    /// <summary>The source system's reference the ERP record carries (e.g. the SPS trading partner and PO key); null when none.</summary>
    public string? ExternalReference { get; init; }

    public required IReadOnlyList<SalesOrderLine> Lines { get; init; }

    public decimal TotalExcludingTax => Lines.Sum(line => line.Quantity * line.UnitPrice);
}

public sealed record SalesOrderLine
{
    public required int LineNumber { get; init; }
    public required string ItemCode { get; init; }
    public string? Description { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }
}
