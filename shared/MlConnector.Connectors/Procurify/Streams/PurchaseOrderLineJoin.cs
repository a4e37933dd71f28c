using System.Text.Json;
using Line = MlConnector.Connectors.Procurify.ProcurifyFields.Line;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Matches order items read in bulk to the purchase orders listed for the same days. An item names its orders in
/// <c>PO</c>, a list of purchase-order ids: the <c>procurify_PO</c> of a listed order. (Procurify's SDK types <c>PO</c> as
/// <c>List[int]</c> in konfig-sdks/procurify-python-sdk, procurify_python_sdk/pydantic/order_item_po.py, and describes
/// <c>procurify_PO</c>, the purchase order's lookup in the v3 URLs, as "A unique integer value identifying this po", the
/// wording Django REST framework gives a primary key; README.md, PUT /api/v3/purchase-orders/{procurify_PO}.)
/// <para>
/// An order is complete once it has as many distinct lines as its <c>item_count</c> and none of them is newer than
/// the order as listed (a newer line means the order changed after it was listed). Orders left incomplete (lines last
/// changed outside the days read, or a change in between) are for the caller to read whole.
/// </para>
/// </summary>
public sealed class PurchaseOrderLineJoin
{
    private readonly Dictionary<string, PendingOrder> _pending = new(StringComparer.Ordinal);

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>The orders no item completed.</summary>
    public IEnumerable<ListedPurchaseOrder> Incomplete => _pending.Values.Select(pending => pending.Order);

    /// <summary>Items offered that named at least one purchase order (listed here or not), to tell a join that never matches.</summary>
    public int ItemsNamingAnOrder { get; private set; }

    /// <summary>Items that matched a listed order.</summary>
    public int ItemsMatched { get; private set; }

    /// <summary>Waits for this order's lines; an order listed twice (it moved between two page reads) keeps the later listing.</summary>
    public void Expect(ListedPurchaseOrder order) => _pending[order.Id] = new PendingOrder(order);

    /// <summary>Takes one order item; returns its order with all its lines when this item completes it, else null.</summary>
    public CompletedPurchaseOrder? Offer(JsonElement item)
    {
        var ids = OrderIdsOf(item);
        if (ids.Count > 0)
        {
            ItemsNamingAnOrder++;
        }

        if (ids.FirstOrDefault(_pending.ContainsKey) is not { } id || _pending[id] is not { Changed: false } pending)
        {
            return null;
        }

        ItemsMatched++;
        if (item.Timestamp(Line.LastModified) > pending.Order.ModifiedAt)
        {
            pending.Changed = true;
            pending.Lines.Clear();
            return null;
        }

        // Keyed by item id: a line seen on two pages (rows shifted while paging) counts once.
        pending.Lines[item.Text(Line.Id) ?? item.GetRawText()] = item;
        if (pending.Lines.Count != pending.Order.ItemCount)
        {
            return null;
        }

        _pending.Remove(id);
        var lines = pending.Lines.Values.OrderBy(line => line.Int(Line.PurchaseOrderLineNumber) ?? line.Int(Line.Number) ?? int.MaxValue).ToList();
        return new CompletedPurchaseOrder(pending.Order, lines);
    }

    /// <summary>The ids in the item's <c>PO</c> list.</summary>
    private static List<string> OrderIdsOf(JsonElement item) =>
        item.Property(Line.PurchaseOrders) is { ValueKind: JsonValueKind.Array } orders
            ? [.. orders.EnumerateArray().Select(id => ProcurifyJson.AsText(id)).OfType<string>()]
            : [];

    private sealed class PendingOrder(ListedPurchaseOrder order)
    {
        public ListedPurchaseOrder Order { get; } = order;

        public Dictionary<string, JsonElement> Lines { get; } = new(StringComparer.Ordinal);

        /// <summary>A line is newer than the listing: only the detail gives a consistent order.</summary>
        public bool Changed { get; set; }
    }
}

/// <summary>A listed purchase order with every one of its lines, ready to become a record.</summary>
public sealed record CompletedPurchaseOrder(ListedPurchaseOrder Order, IReadOnlyList<JsonElement> Lines);
