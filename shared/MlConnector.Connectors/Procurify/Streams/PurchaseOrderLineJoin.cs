using System.Text.Json;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Matches order items read in bulk to the purchase orders listed for the same days. An order is complete once it
/// has as many distinct lines as its <c>item_count</c> and none of them is newer than the order as listed (a newer
/// line means the order changed after it was listed). Orders left incomplete (lines last changed outside the days
/// read, or a change in between) are for the caller to read whole.
/// </summary>
public sealed class PurchaseOrderLineJoin
{
    private readonly Dictionary<string, PendingOrder> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByUuid = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>The orders no item completed.</summary>
    public IEnumerable<ListedPurchaseOrder> Incomplete => _pending.Values.Select(pending => pending.Order);

    /// <summary>Waits for this order's lines; an order listed twice (it moved between two page reads) keeps the later listing.</summary>
    public void Expect(ListedPurchaseOrder order)
    {
        _pending[order.Id] = new PendingOrder(order);
        if (order.Uuid is { } uuid)
        {
            _idByUuid[uuid] = order.Id;
        }
    }

    /// <summary>Takes one order item; returns its order with all its lines when this item completes it, else null.</summary>
    public CompletedPurchaseOrder? Offer(JsonElement item)
    {
        if (OrderIdOf(item) is not { } id || !_pending.TryGetValue(id, out var pending) || pending.Changed)
        {
            return null;
        }

        if (item.Timestamp("last_modified") > pending.Order.ModifiedAt)
        {
            pending.Changed = true;
            pending.Lines.Clear();
            return null;
        }

        // Keyed by item id: a line seen on two pages (rows shifted while paging) counts once.
        pending.Lines[item.Text("id") ?? item.GetRawText()] = item;
        if (pending.Lines.Count != pending.Order.ItemCount)
        {
            return null;
        }

        _pending.Remove(id);
        if (pending.Order.Uuid is { } uuid)
        {
            _idByUuid.Remove(uuid);
        }

        var lines = pending.Lines.Values.OrderBy(line => line.Int("PO_line_num") ?? line.Int("num") ?? int.MaxValue).ToList();
        return new CompletedPurchaseOrder(pending.Order, lines);
    }

    /// <summary>
    /// Items name their order by <c>PO.uuid</c>, else by <c>purchase_order_number</c> (the <c>procurify_PO</c>).
    /// <c>PO.id</c> is not used: whether it is the PO number or an internal key is undocumented.
    /// </summary>
    private string? OrderIdOf(JsonElement item) =>
        item.Property("PO") is { } order && order.Text("uuid") is { } uuid
            ? _idByUuid.GetValueOrDefault(uuid)
            : item.Text("purchase_order_number");

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
