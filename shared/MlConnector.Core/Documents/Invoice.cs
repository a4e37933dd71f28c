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

    /// <summary>Tax charged on the shipping amount (not part of any line's tax).</summary>
    public decimal ShippingTaxAmount { get; init; }

    public decimal DiscountAmount { get; init; }

    /// <summary>
    /// Paid before the invoice, outside the invoiced payment (gift cards, store credit, reward points): taken off
    /// the amount due, not off the taxable amount.
    /// </summary>
    public decimal PrepaidAmount { get; init; }

    public decimal TotalExcludingTax => Lines.Sum(line => line.NetAmount) + ShippingAmount - DiscountAmount;
    public decimal TotalTax => Lines.Sum(line => line.TaxAmount) + ShippingTaxAmount;
    public decimal TotalIncludingTax => TotalExcludingTax + TotalTax;
    public decimal AmountDue => TotalIncludingTax - PrepaidAmount;
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
