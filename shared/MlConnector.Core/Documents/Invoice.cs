namespace MlConnector.Core.Documents;

/// <summary>A supplier invoice: lines, tax and totals, linked to the purchase order it bills.</summary>
public sealed record Invoice
{
    public required string SourceId { get; init; }
    public required string Number { get; init; }
    public required PartyReference Supplier { get; init; }
    public string? PurchaseOrderNumber { get; init; }
    public required DateOnly InvoiceDate { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<InvoiceLine> Lines { get; init; }
    public decimal ShippingAmount { get; init; }
    public decimal DiscountAmount { get; init; }

    public decimal TotalExcludingTax => Lines.Sum(line => line.NetAmount) + ShippingAmount - DiscountAmount;
    public decimal TotalTax => Lines.Sum(line => line.TaxAmount);
    public decimal TotalIncludingTax => TotalExcludingTax + TotalTax;
}

public sealed record InvoiceLine
{
    public required int LineNumber { get; init; }
    public required string ItemCode { get; init; }
    public string? Description { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public decimal TaxAmount { get; init; }
    public decimal TaxPercent { get; init; }
    public string? GlAccount { get; init; }
    public int? PurchaseOrderLine { get; init; }

    public decimal NetAmount => Quantity * UnitPrice;
}
