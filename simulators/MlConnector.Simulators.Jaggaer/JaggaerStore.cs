using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer;

/// <summary>The instance's data. Every change to a supplier or an order stamps it now (its change stamp moves forward).</summary>
public sealed class JaggaerStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, SimSupplier> _suppliers = [];
    private readonly SortedDictionary<long, SimPurchaseOrder> _purchaseOrders = [];
    private readonly TimeProvider _time;

    public JaggaerStore(TimeProvider time) => _time = time;

    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<SimSupplier> Suppliers
    {
        get
        {
            lock (_gate)
            {
                return [.. _suppliers.Values];
            }
        }
    }

    public IReadOnlyList<SimPurchaseOrder> PurchaseOrders
    {
        get
        {
            lock (_gate)
            {
                return [.. _purchaseOrders.Values];
            }
        }
    }

    /// <summary>Adds or replaces a profile as given; a missing <c>lastModTime</c> is now.</summary>
    public void Put(SimSupplier supplier)
    {
        lock (_gate)
        {
            _suppliers[supplier.BravoId] = supplier with { LastModTime = supplier.LastModTime ?? Now };
        }
    }

    /// <summary>Adds or replaces an order as given; a missing <c>lastUpdate</c> is now.</summary>
    public void Put(SimPurchaseOrder order)
    {
        lock (_gate)
        {
            _purchaseOrders[order.PurchaseOrderId] = order with { LastUpdate = order.LastUpdate ?? Now };
        }
    }

    public SimSupplier? Supplier(int bravoId)
    {
        lock (_gate)
        {
            return _suppliers.GetValueOrDefault(bravoId);
        }
    }

    public SimPurchaseOrder? PurchaseOrder(long purchaseOrderId)
    {
        lock (_gate)
        {
            return _purchaseOrders.GetValueOrDefault(purchaseOrderId);
        }
    }

    /// <summary>Applies a change as a new version stamped now (or at <paramref name="at"/>); null when the order does not exist.</summary>
    public SimPurchaseOrder? Modify(long purchaseOrderId, Func<SimPurchaseOrder, SimPurchaseOrder> change, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            if (!_purchaseOrders.TryGetValue(purchaseOrderId, out var current))
            {
                return null;
            }

            var next = change(current) with { Version = current.Version + 1, LastUpdate = at ?? Now };
            _purchaseOrders[purchaseOrderId] = next;
            return next;
        }
    }

    /// <summary>Changes a profile, stamped now (or at <paramref name="at"/>); null when it does not exist.</summary>
    public SimSupplier? Modify(int bravoId, Func<SimSupplier, SimSupplier> change, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            if (!_suppliers.TryGetValue(bravoId, out var current))
            {
                return null;
            }

            var next = change(current) with { LastModTime = at ?? Now };
            _suppliers[bravoId] = next;
            return next;
        }
    }
}
