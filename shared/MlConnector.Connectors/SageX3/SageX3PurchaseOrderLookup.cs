using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core.Mapping;

namespace MlConnector.Connectors.SageX3;

/// <summary>Finds an X3 purchase order by its number (POHNUM), for linking invoices and checking their amounts.</summary>
public sealed class SageX3PurchaseOrderLookup(SageX3Reader reader) : IPurchaseOrderLookup
{
    public async ValueTask<PurchaseOrderSummary?> FindAsync(string purchaseOrderNumber, CancellationToken cancellationToken)
    {
        var order = await reader.FindPurchaseOrderAsync(purchaseOrderNumber, cancellationToken);
        return order is null
            ? null
            : new PurchaseOrderSummary(order.Number, order.Supplier.Code, order.Currency, order.TotalExcludingTax,
                order.Lines.Select(l => new PurchaseOrderSummaryLine(l.LineNumber, l.ItemCode, l.Quantity, l.UnitPrice)).ToList());
    }
}
