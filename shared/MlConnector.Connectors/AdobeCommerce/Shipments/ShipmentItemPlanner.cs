using System.Globalization;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Connectors.AdobeCommerce.Orders;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce.Shipments;

/// <summary>
/// Turns the X3 lines of a shipment (SKU and quantity) into the <c>items</c> of <c>POST /V1/order/{id}/ship</c>, by
/// Commerce's rules for each product type (Magento\Sales\Model\Order\ShipmentFactory and Order\Item::isDummy in
/// magento/magento2; Magento\Bundle\Model\Sales\Order\Shipment\BundleShipmentTypeValidator):
/// <list type="bullet">
/// <item>a simple product ships its own item;</item>
/// <item>a configurable product ships its parent item: the child is a "dummy" whose quantity Commerce derives from
/// the parent, and a child id sent alone ships nothing (Adobe's order tutorial sends the child id; Commerce's code
/// skips it, and its own admin shipment form maps such a child to its parent, Magento_InventoryShippingAdminUi);</item>
/// <item>a bundle shipped together ships the bundle item, counted in bundles, never the sum of its components
/// (components X3 lists are converted back: 4 components of one bundle are 1 bundle); naming a component is refused;</item>
/// <item>a bundle shipped separately ships each component's own item with its own quantity; naming the bundle
/// item is refused;</item>
/// <item>virtual and downloadable items are never shipped.</item>
/// </list>
/// Whether a bundle ships together or separately is its product's <c>shipment_type</c>, read from the catalog.
/// </summary>
internal sealed class ShipmentItemPlanner(AdobeCommerceClient client)
{
    public async Task<List<ShipOrderItem>> PlanAsync(CommerceOrder order, Shipment shipment, CancellationToken cancellationToken)
    {
        var tree = OrderItemTree.Build(order.Items);
        if (tree.Problems.Count > 0)
        {
            throw Permanent(shipment, string.Join("; ", tree.Problems));
        }

        var quantities = new Dictionary<long, decimal>();
        var componentsShipped = new Dictionary<OrderLine, Dictionary<OrderLine, decimal>>();
        var separately = new Dictionary<OrderLine, bool>();
        foreach (var shipped in shipment.Lines)
        {
            var line = Find(tree, shipped.ItemCode)
                       ?? throw Permanent(shipment, $"it ships item {shipped.ItemCode}, which is not on order {shipment.OrderReference}");
            if (line.IsVirtual)
            {
                continue; // Commerce never ships a virtual or downloadable item; X3 may still list it.
            }

            var bundle = line.IsBundle ? line : line.Parent is { IsBundle: true } parent ? parent : null;
            if (bundle is null)
            {
                // A simple product, or a configurable product's parent (which carries the simple product's SKU).
                Add(quantities, Id(line.Parent is { IsConfigurable: true } configurable ? configurable : line), shipped.Quantity);
                continue;
            }

            if (!separately.TryGetValue(bundle, out var shipsSeparately))
            {
                shipsSeparately = await ShipsSeparatelyAsync(bundle, shipment, cancellationToken);
                separately[bundle] = shipsSeparately;
            }

            if (line == bundle)
            {
                // X3 ships the bundle as one article.
                if (shipsSeparately)
                {
                    foreach (var component in bundle.Children.Where(child => !child.IsVirtual))
                    {
                        Add(quantities, Id(component), shipped.Quantity * component.QuantityPerParent);
                    }
                }
                else
                {
                    Add(quantities, Id(bundle), shipped.Quantity);
                }
            }
            else if (shipsSeparately)
            {
                Add(quantities, Id(line), shipped.Quantity);
            }
            else
            {
                var components = componentsShipped.TryGetValue(bundle, out var existing) ? existing : componentsShipped[bundle] = [];
                components[line] = components.GetValueOrDefault(line) + shipped.Quantity;
            }
        }

        foreach (var (bundle, components) in componentsShipped)
        {
            Add(quantities, Id(bundle), WholeBundles(bundle, components, shipment));
        }

        if (quantities.Count == 0)
        {
            throw Permanent(shipment, "none of its items is shippable in Adobe Commerce (virtual or downloadable products only)");
        }

        return quantities.Select(pair => new ShipOrderItem(pair.Key, pair.Value)).ToList();
    }

    /// <summary>The order line an X3 item code names: a standalone or parent line first, then a bundle's option.</summary>
    private static OrderLine? Find(OrderItemTree tree, string sku) =>
        tree.TopLevel.FirstOrDefault(line => Same(line.Item.Sku, sku) || (line.IsBundle && Same(line.ProductSku, sku)))
        ?? tree.Lines.FirstOrDefault(line => line.Parent is { IsBundle: true } && Same(line.Item.Sku, sku));

    /// <summary>
    /// Components of a bundle shipped together count as whole bundles only: every component in the same proportion
    /// as ordered. Anything else would ship more (or fewer) than X3 did, so it is refused with what was listed.
    /// </summary>
    private static decimal WholeBundles(OrderLine bundle, Dictionary<OrderLine, decimal> shipped, Shipment shipment)
    {
        var components = bundle.Children.Where(child => !child.IsVirtual).ToList();
        var counts = components.Select(component => shipped.GetValueOrDefault(component) / component.QuantityPerParent).Distinct().ToList();
        if (counts.Count == 1 && counts[0] > 0 && decimal.Truncate(counts[0]) == counts[0])
        {
            return counts[0];
        }

        var listed = string.Join(", ", components.Select(component => string.Create(CultureInfo.InvariantCulture,
            $"{component.Item.Sku} {shipped.GetValueOrDefault(component):0.####} of {component.QuantityPerParent:0.####} per bundle")));
        throw Permanent(shipment,
            $"bundle {bundle.ProductSku} ships its items together, so Adobe Commerce ships whole bundles only, and X3 shipped {listed}");
    }

    private async Task<bool> ShipsSeparatelyAsync(OrderLine bundle, Shipment shipment, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetProductAsync(bundle.ProductSku, cancellationToken)).ShipsBundleItemsSeparately;
        }
        catch (AdobeCommerceApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw Permanent(shipment, $"bundle product {bundle.ProductSku} is not in the Adobe Commerce catalog, so whether its items ship together or separately is unknown");
        }
    }

    private static long Id(OrderLine line) =>
        line.Item.ItemId ?? throw new TargetWriteException($"{line.Describe()} has no item_id in the order Adobe Commerce returned.", isTransient: false);

    private static void Add(Dictionary<long, decimal> quantities, long itemId, decimal quantity) =>
        quantities[itemId] = quantities.GetValueOrDefault(itemId) + quantity;

    private static bool Same(string? left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static TargetWriteException Permanent(Shipment shipment, string reason) =>
        new($"X3 shipment {shipment.SourceId} for order {shipment.OrderReference}: {reason}.", isTransient: false);
}
