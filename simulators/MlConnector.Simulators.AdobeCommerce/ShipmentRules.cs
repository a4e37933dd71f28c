using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// Which order items a <c>POST /V1/order/{id}/ship</c> request ships, by Commerce's own rules (magento/magento2:
/// Magento\Sales\Model\Order\ShipmentFactory::prepareItems/canShipItem, Order\Item::isDummy(true) and
/// isShipSeparately, Magento\Bundle\Model\Sales\Order\Shipment\BundleShipmentTypeValidator):
/// <list type="bullet">
/// <item>a "dummy" item is shipped through another: a configurable product's child and a together-shipped
/// bundle's options follow their parent's quantity (an option per bundle times the bundles shipped); a
/// separately-shipped bundle's parent is only a container for its options;</item>
/// <item>a dummy child named without its parent is skipped; a dummy bundle parent or a together-shipped bundle's
/// option named directly is refused with the validator's message;</item>
/// <item>virtual items never ship; more than the unshipped quantity is refused (strict: the connector must never
/// over-ship).</item>
/// </list>
/// </summary>
internal sealed class ShipmentRules(IReadOnlyList<JsonObject> items, IReadOnlySet<long> bundlesShippedSeparately)
{
    private const string NotAllowed = "The order does not allow a shipment to be created.";

    /// <summary>True once nothing shippable is left (dummies excluded, as Commerce's Order::canShip does).</summary>
    public bool Complete => items.Where(item => !IsDummy(item) && !IsVirtual(item)).All(item => QtyToShip(item) <= 0);

    public (List<(JsonObject Item, decimal Qty)> ToShip, string? Error) Plan(IReadOnlyList<JsonObject> requested)
    {
        var toShip = new List<(JsonObject Item, decimal Qty)>();
        if (requested.Count == 0)
        {
            toShip.AddRange(items.Where(item => !IsDummy(item) && !IsVirtual(item) && QtyToShip(item) > 0).Select(item => (item, QtyToShip(item))));
        }
        else
        {
            foreach (var line in requested)
            {
                var item = items.FirstOrDefault(candidate => CommerceStore.Number(candidate["item_id"]) == CommerceStore.Number(line["order_item_id"]));
                if (item is null)
                {
                    return ([], "The shipment contains an item that is not part of the original order.");
                }

                if (BundleTypeRefusal(item) is { } refusal)
                {
                    return ([], refusal);
                }

                if (IsVirtual(item) || IsDummy(item))
                {
                    continue; // canShipItem: a virtual item, or a dummy child whose parent is not in the request.
                }

                var qty = CommerceStore.Number(line["qty"]);
                if (qty <= 0 || qty > QtyToShip(item))
                {
                    return ([], NotAllowed);
                }

                toShip.Add((item, qty));
            }
        }

        if (toShip.Count == 0)
        {
            return ([], NotAllowed + "\nYou can't create a shipment without products.");
        }

        return (WithDummies(toShip), null);
    }

    /// <summary>Adds the items Commerce ships through others: children following their parent, containers of separate options.</summary>
    private List<(JsonObject Item, decimal Qty)> WithDummies(List<(JsonObject Item, decimal Qty)> shipped)
    {
        var all = new List<(JsonObject Item, decimal Qty)>(shipped);
        foreach (var (item, qty) in shipped)
        {
            foreach (var child in Children(item).Where(IsDummy))
            {
                all.Add((child, qty * CommerceStore.Number(child["qty_ordered"]) / CommerceStore.Number(item["qty_ordered"])));
            }
        }

        var containers = shipped.Select(s => Parent(s.Item)).OfType<JsonObject>().Where(IsDummy).Distinct();
        all.AddRange(containers.Select(container => (container, 1m)));
        return all;
    }

    private string? BundleTypeRefusal(JsonObject item)
    {
        if (!IsDummy(item))
        {
            return null;
        }

        const string Message = "Cannot create shipment as bundle product \"{0}\" has shipment type \"{1}\". {2} should be shipped instead.";
        if (IsBundle(item) && Children(item).Any())
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, (string?)item["sku"], "Separately", "Bundle product options");
        }

        return Parent(item) is { } parent && IsBundle(parent)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, (string?)parent["sku"], "Together", "Bundle product itself")
            : null;
    }

    /// <summary>Order\Item::isDummy(true).</summary>
    private bool IsDummy(JsonObject item)
    {
        var hasChildren = Children(item).Any();
        var parent = Parent(item);
        return hasChildren ? ShipsSeparately(item) : parent is not null && !ShipsSeparately(parent);
    }

    private bool ShipsSeparately(JsonObject parent) => bundlesShippedSeparately.Contains((long)CommerceStore.Number(parent["item_id"]));

    /// <summary>Order\Item::getSimpleQtyToShip: ordered less shipped, refunded and cancelled.</summary>
    private static decimal QtyToShip(JsonObject item) =>
        CommerceStore.Number(item["qty_ordered"]) - CommerceStore.Number(item["qty_shipped"]) - CommerceStore.Number(item["qty_refunded"]) - CommerceStore.Number(item["qty_canceled"]);

    private JsonObject? Parent(JsonObject item) =>
        item["parent_item_id"] is null ? null : items.FirstOrDefault(candidate => CommerceStore.Number(candidate["item_id"]) == CommerceStore.Number(item["parent_item_id"]));

    private IEnumerable<JsonObject> Children(JsonObject item) =>
        items.Where(candidate => candidate["parent_item_id"] is not null && CommerceStore.Number(candidate["parent_item_id"]) == CommerceStore.Number(item["item_id"]));

    private static bool IsBundle(JsonObject item) => (string?)item["product_type"] == "bundle";

    private static bool IsVirtual(JsonObject item) => CommerceStore.Number(item["is_virtual"]) == 1;
}
