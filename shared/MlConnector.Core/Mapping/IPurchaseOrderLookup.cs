namespace MlConnector.Core.Mapping;

/// <summary>
/// Finds a purchase order in the target ERP by its number, so an invoice can be linked to it and its amounts
/// checked against the order's within a tolerance.
/// </summary>
public interface IPurchaseOrderLookup
{
    ValueTask<PurchaseOrderSummary?> FindAsync(string purchaseOrderNumber, CancellationToken cancellationToken);
}

public sealed record PurchaseOrderSummary(
    string Number,
    string SupplierCode,
    string Currency,
    decimal TotalExcludingTax,
    IReadOnlyList<PurchaseOrderSummaryLine> Lines);

public sealed record PurchaseOrderSummaryLine(int LineNumber, string ItemCode, decimal Quantity, decimal UnitPrice);
