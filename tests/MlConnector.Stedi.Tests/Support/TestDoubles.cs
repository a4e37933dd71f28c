using MlConnector.Core.Mapping;

namespace MlConnector.Stedi.Tests.Support;

internal sealed class InMemoryPurchaseOrders : IPurchaseOrderLookup
{
    private readonly Dictionary<string, PurchaseOrderSummary> _orders = new(StringComparer.Ordinal);

    public InMemoryPurchaseOrders Add(string number, string supplier, params (int Line, string Item, decimal Quantity)[] lines)
    {
        _orders[number] = new PurchaseOrderSummary(number, supplier, "USD", lines.Sum(l => l.Quantity * 10m),
            lines.Select(l => new PurchaseOrderSummaryLine(l.Line, l.Item, l.Quantity, 10m)).ToList());
        return this;
    }

    public ValueTask<PurchaseOrderSummary?> FindAsync(string purchaseOrderNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_orders.GetValueOrDefault(purchaseOrderNumber));
}
