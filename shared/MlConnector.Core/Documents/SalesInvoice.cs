namespace MlConnector.Core.Documents;

/// <summary>
/// An invoice we send a customer (X12 810, RSX Invoice): what was billed against which of their orders.
/// <see cref="OrderExternalReference"/> is the reference the invoiced sales order carries (e.g. the SPS order key).
/// </summary>
public sealed record SalesInvoice
{
    public required string SourceId { get; init; }
    public required string Number { get; init; }
    public required PartyReference Customer { get; init; }
    public required DateOnly InvoiceDate { get; init; }
    public required string Currency { get; init; }
    public string? SalesOrderNumber { get; init; }

    /// <summary>The buyer's purchase order number.</summary>
    public string? CustomerOrderNumber { get; init; }

    public string? OrderExternalReference { get; init; }
    public decimal TotalExcludingTax { get; init; }
    public decimal TotalIncludingTax { get; init; }
    public required IReadOnlyList<SalesOrderLine> Lines { get; init; }
}
