using MlConnector.Simulators.Procurify.Model;

namespace MlConnector.Simulators.Procurify;

/// <summary>
/// The tenant's data. Every change to an order bumps its <c>version</c> and stamps its <c>last_modified</c>; an order
/// item's own <c>last_modified</c> moves only when that item changes (a header-only change leaves the lines' stamps).
/// </summary>
public sealed class ProcurifyStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, SimVendor> _vendors = [];
    private readonly SortedDictionary<int, SimAccountCode> _accountCodes = [];
    private readonly SortedDictionary<int, SimDepartment> _departments = [];
    private readonly SortedDictionary<int, SimPurchaseOrder> _purchaseOrders = [];
    private readonly SortedDictionary<int, SimRequisition> _requisitions = [];
    private readonly TimeProvider _time;

    public ProcurifyStore(TimeProvider time) => _time = time;

    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<SimVendor> Vendors => Snapshot(_vendors);

    public IReadOnlyList<SimAccountCode> AccountCodes => Snapshot(_accountCodes);

    public IReadOnlyList<SimDepartment> Departments => Snapshot(_departments);

    /// <summary>Every account code in every department, as a tenant that opened all codes to all departments has them.</summary>
    public IReadOnlyList<SimAccount> Accounts =>
        Read(() => _accountCodes.Values.SelectMany(code => _departments.Values.Select(department => new SimAccount(code, department))).ToList());

    public IReadOnlyList<SimPurchaseOrder> PurchaseOrders => Snapshot(_purchaseOrders);

    public IReadOnlyList<SimRequisition> Requisitions => Snapshot(_requisitions);

    public void Put(SimVendor vendor) => Write(() => _vendors[vendor.Id] = vendor);

    public void Put(SimAccountCode accountCode) => Write(() => _accountCodes[accountCode.Id] = accountCode);

    public void Put(SimDepartment department) => Write(() => _departments[department.Id] = department);

    /// <summary>Adds or replaces an order as given; a missing <c>last_modified</c>, on the order or a line, is taken from the order's.</summary>
    public void Put(SimPurchaseOrder order)
    {
        RequireStorable(order);
        var stamp = order.LastModified ?? order.Date;
        Write(() => _purchaseOrders[order.ProcurifyPO] = order with
        {
            LastModified = stamp,
            Lines = [.. order.Lines.Select(line => line with { LastModified = line.LastModified ?? stamp })],
        });
    }

    /// <summary>Procurify refuses a decimal its columns cannot hold, so the store never holds one either.</summary>
    private static void RequireStorable(SimPurchaseOrder order)
    {
        foreach (var line in order.Lines)
        {
            if (ProcurifyDecimals.Errors(line) is { Count: > 0 } errors)
            {
                throw new ArgumentException($"Procurify would refuse order item {line.Id} of PO {order.ProcurifyPO}: " +
                    string.Join("; ", errors.Select(error => $"{error.Key}: {error.Value[0]}")), nameof(order));
            }
        }
    }

    public void Put(SimRequisition requisition) =>
        Write(() => _requisitions[requisition.Num] = requisition with { DateModified = requisition.DateModified ?? requisition.Date });

    public SimVendor? Vendor(int id) => Read(() => _vendors.GetValueOrDefault(id));

    public SimAccountCode? AccountCode(int id) => Read(() => _accountCodes.GetValueOrDefault(id));

    public SimDepartment? Department(int id) => Read(() => _departments.GetValueOrDefault(id));

    public SimAccount? Account(int id) =>
        Read(() => _accountCodes.GetValueOrDefault(id / 1000) is { } code && _departments.GetValueOrDefault(id % 1000) is { } department ? new SimAccount(code, department) : null);

    public SimPurchaseOrder? PurchaseOrder(int procurifyPO) => Read(() => _purchaseOrders.GetValueOrDefault(procurifyPO));

    /// <summary>Applies a change as a new version, stamped now (or at <paramref name="at"/>); null when the order does not exist.</summary>
    public SimPurchaseOrder? Modify(int procurifyPO, Func<SimPurchaseOrder, SimPurchaseOrder> change, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            if (!_purchaseOrders.TryGetValue(procurifyPO, out var current))
            {
                return null;
            }

            var stamp = at ?? Now;
            var changed = change(current);
            RequireStorable(changed);
            var next = changed with
            {
                Version = current.Version + 1,
                LastModified = stamp,
                Lines = [.. changed.Lines.Select(line => current.Lines.Contains(line) ? line : line with { LastModified = stamp })],
            };
            _purchaseOrders[procurifyPO] = next;
            return next;
        }
    }

    private void Write(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private List<T> Snapshot<T>(SortedDictionary<int, T> items)
    {
        lock (_gate)
        {
            return [.. items.Values];
        }
    }
}
