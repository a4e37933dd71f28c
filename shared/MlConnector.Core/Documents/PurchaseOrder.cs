namespace MlConnector.Core.Documents;

/// <summary>A purchase order as every connector reads or writes it: the hub-and-spoke canonical shape.</summary>
public sealed record PurchaseOrder
{
    /// <summary>The source system's identifier (stable across versions), e.g. Procurify's PO id.</summary>
    public required string SourceId { get; init; }

    /// <summary>The human-facing order number, carried to the target as its external reference.</summary>
    public required string Number { get; init; }

    public required PartyReference Supplier { get; init; }
    public required DateOnly OrderDate { get; init; }
    public required string Currency { get; init; }
    public string? Site { get; init; }
    public PurchaseOrderStatus Status { get; init; } = PurchaseOrderStatus.Open;
    public DateOnly? ExpectedDate { get; init; }
    public string? BuyerReference { get; init; }
    public required IReadOnlyList<PurchaseOrderLine> Lines { get; init; }

    public decimal TotalExcludingTax => Lines.Sum(line => line.Quantity * line.UnitPrice);
    public decimal TotalTax => Lines.Sum(line => line.TaxAmount);
}

public sealed record PurchaseOrderLine
{
    public required int LineNumber { get; init; }
    public required string ItemCode { get; init; }
    public string? Description { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }
    public decimal TaxAmount { get; init; }
    public string? GlAccount { get; init; }
    public string? CostCentre { get; init; }
    public DateOnly? ExpectedDate { get; init; }

    /// <summary>
    /// A discount the source states for the whole order, written as one line of a discount product at a negative price
    /// (the only line whose price may be below zero), so the X3 order totals what the source's does.
    /// </summary>
    public bool IsDiscount { get; init; }
}

public enum PurchaseOrderStatus
{
    Open,
    Closed,
    Cancelled,
}

/// <summary>A business partner as the source names it; mapping resolves it to the target's code.</summary>
public sealed record PartyReference(string Code, string Name);
