using MlConnector.Connectors.AdobeCommerce.Models;

namespace MlConnector.Connectors.AdobeCommerce.Orders;

/// <summary>
/// Puts an order's flat <c>items</c> back into product structure. Saved orders link a child to its parent by
/// <c>parent_item_id</c>. An order not saved yet (the <c>order_management.place</c> hooks) has no item ids at all:
/// a child carries its parent's data in <c>parent_item</c> and follows its parent in the list, so it belongs to
/// the nearest composite line before it that matches that data. Without either, a configurable product's child
/// is still recognised (it follows its parent at once, with the parent's SKU); a bundle's options are not, and the
/// order is refused rather than guessed.
/// Sources: Commerce 2.4.8 REST schema, sales-data-order-item-interface (item_id, parent_item_id, parent_item,
/// product_type) in AdobeDocs/commerce-webapi; the place-hook payload in AdobeDocs/commerce-extensibility
/// (webhooks hooks list, plugin.magento.sales.api.order_management.place).
/// </summary>
public sealed class OrderItemTree
{
    private OrderItemTree(IReadOnlyList<OrderLine> lines, IReadOnlyList<string> problems)
    {
        Lines = lines;
        Problems = problems;
    }

    /// <summary>Every item in order, parents and children alike.</summary>
    public IReadOnlyList<OrderLine> Lines { get; }

    public IEnumerable<OrderLine> TopLevel => Lines.Where(line => line.Parent is null);

    /// <summary>Why the structure could not be read; empty when it could.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static OrderItemTree Build(IReadOnlyList<CommerceOrderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var lines = items.Select((item, position) => new OrderLine(item, position)).ToList();
        var byItemId = new Dictionary<long, OrderLine>();
        foreach (var line in lines.Where(line => line.Item.ItemId is not null))
        {
            byItemId.TryAdd(line.Item.ItemId!.Value, line);
        }

        var problems = new List<string>();
        foreach (var line in lines)
        {
            var parent = ParentOf(line, lines, byItemId, problems);
            parent?.Adopt(line);
        }

        foreach (var bundle in lines.Where(line => line.IsBundle && line.Parent is null && line.Children.Count == 0))
        {
            problems.Add($"bundle {bundle.Describe()} has no option lines linked to it (the payload carries neither parent_item_id nor parent_item; include them in the hook's fields)");
        }

        return new OrderItemTree(lines, problems);
    }

    private static OrderLine? ParentOf(OrderLine line, List<OrderLine> lines, Dictionary<long, OrderLine> byItemId, List<string> problems)
    {
        var item = line.Item;
        if (item.ParentItemId is { } parentId)
        {
            if (byItemId.TryGetValue(parentId, out var byId) && byId != line)
            {
                return byId;
            }

            problems.Add($"{line.Describe()} names parent item {parentId}, which is not on the order");
            return null;
        }

        var before = lines.Take(line.Position).Where(candidate => candidate.Parent is null && (candidate.IsConfigurable || candidate.IsBundle)).Reverse();
        if (item.ParentItem is { } parentData)
        {
            var match = before.FirstOrDefault(candidate => SameItem(candidate.Item, parentData));
            if (match is null)
            {
                problems.Add($"{line.Describe()} belongs to a {parentData.ProductType ?? "parent"} line ({parentData.Sku}) that does not come before it on the order");
            }

            return match;
        }

        // No link at all: only a configurable product's single child can be told apart, by position and SKU.
        var previous = line.Position > 0 ? lines[line.Position - 1] : null;
        return item.ItemId is null && previous is { IsConfigurable: true, Parent: null, Children.Count: 0 } &&
               string.Equals(previous.Item.Sku, item.Sku, StringComparison.Ordinal)
            ? previous
            : null;
    }

    /// <summary>By id when both have one, else by the product (the parent data of an unsaved order has no ids).</summary>
    private static bool SameItem(CommerceOrderItem candidate, CommerceOrderItem parentData)
    {
        if (candidate.ItemId is { } id && parentData.ItemId is { } parentId)
        {
            return id == parentId;
        }

        if (candidate.QuoteItemId is { } quoteId && parentData.QuoteItemId is { } parentQuoteId)
        {
            return quoteId == parentQuoteId;
        }

        return string.Equals(candidate.Sku, parentData.Sku, StringComparison.Ordinal) &&
               string.Equals(candidate.ProductType, parentData.ProductType, StringComparison.OrdinalIgnoreCase) &&
               (candidate.ProductId is null || parentData.ProductId is null || candidate.ProductId == parentData.ProductId);
    }
}
