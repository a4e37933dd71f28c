using MlConnector.Connectors.AdobeCommerce.Models;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// Which order lines carry the money. A configurable product is a priced parent plus a zero-priced child with the
/// same SKU: bill the parent only. A dynamically priced bundle is a zero-priced parent plus priced children: bill
/// the children. Every other line stands alone.
/// </summary>
internal static class InvoiceableItems
{
    public static IReadOnlyList<CommerceOrderItem> Select(IReadOnlyList<CommerceOrderItem> items)
    {
        var byId = items.Where(item => item.ItemId is not null).GroupBy(item => item.ItemId!.Value).ToDictionary(group => group.Key, group => group.First());
        return items.Where(item => item.ParentItemId is null
                ? !IsPricedByChildren(item, items)
                : byId.TryGetValue(item.ParentItemId.Value, out var parent) && IsPricedByChildren(parent, items))
            .ToList();
    }

    private static bool IsPricedByChildren(CommerceOrderItem parent, IReadOnlyList<CommerceOrderItem> items) =>
        string.Equals(parent.ProductType, "bundle", StringComparison.OrdinalIgnoreCase) &&
        items.Any(child => child.ParentItemId == parent.ItemId && (child.Price ?? 0) != 0);
}
