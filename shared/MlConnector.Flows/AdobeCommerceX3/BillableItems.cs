using MlConnector.Connectors.AdobeCommerce.Orders;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// Which order lines carry the money, and under which SKU. A configurable product bills its parent line (the
/// child repeats the SKU at price 0). A dynamic-price bundle bills its options, each under its own SKU; a
/// fixed-price bundle bills the parent under the bundle's own SKU (<see cref="OrderLine.ProductSku"/>), not
/// Magento's composite order SKU, which X3 cannot know. Every other line (simple, virtual, downloadable, gift card)
/// stands alone. Cancelled quantities are not billed, so a fully cancelled line drops out.
/// </summary>
internal static class BillableItems
{
    public static IReadOnlyList<BillableItem> Select(OrderItemTree tree) =>
        tree.TopLevel
            .SelectMany(line => line.IsPricedByChildren
                ? line.Children.Select(child => new BillableItem(child, child.Item.Sku ?? string.Empty))
                : [new BillableItem(line, line.ProductSku)])
            .Where(billable => billable.Line.OpenQuantity > 0)
            .ToList();
}

/// <param name="Sku">The SKU to look up in X3 (through the <c>item-number</c> mapping).</param>
internal sealed record BillableItem(OrderLine Line, string Sku);
