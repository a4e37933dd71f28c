using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// The <c>order</c> argument the webhooks module sends for <c>plugin.magento.sales.api.order_management.place</c>
/// (PaaS; <c>plugin.sales.api.order_management.place</c> on SaaS): the order model just converted from the cart,
/// before it is saved. Shape from Adobe's "Order placement validation" use case
/// (AdobeDocs/commerce-extensibility src/pages/webhooks/use-cases/order-placement-validation.md: <c>addresses</c>
/// instead of billing and shipping, <c>shipping_method</c>, <c>gift_cards</c> as a JSON string and <c>gift_cards_amount</c>
/// at the top level) and the hook's field list (src/pages/events/events-reference.md: items carry <c>quote_item_id</c>
/// and <c>parent_item</c>). Nothing is saved yet, so there is no <c>entity_id</c>, no <c>created_at</c>/<c>updated_at</c>,
/// and no <c>item_id</c>, <c>order_id</c> or <c>parent_item_id</c> on the items: a child knows its parent only by the
/// parent's data in <c>parent_item</c>.
/// </summary>
public static class PlaceHookPayload
{
    private static readonly string[] Unsaved = ["entity_id", "created_at", "updated_at", "billing_address_id", "email_sent", "protect_code"];
    private static readonly string[] UnsavedItem = ["item_id", "order_id", "parent_item_id", "created_at", "updated_at"];

    /// <summary>The payload for <paramref name="savedOrder"/> (an order as REST returns it) as it looked while being placed.</summary>
    public static JsonObject From(JsonObject savedOrder)
    {
        ArgumentNullException.ThrowIfNull(savedOrder);
        var order = (JsonObject)savedOrder.DeepClone();
        foreach (var name in Unsaved)
        {
            order.Remove(name);
        }

        order["state"] = "new";
        order["status"] = "pending";
        var items = order["items"]!.AsArray();
        foreach (var item in items.Select(node => node!.AsObject()))
        {
            Unsave(item);
            if (item["parent_item"] is JsonObject parent)
            {
                Unsave(parent);
                parent.Remove("parent_item");
            }
        }

        var extension = order["extension_attributes"] as JsonObject;
        var shipping = extension?["shipping_assignments"]?[0]?["shipping"];
        var addresses = new JsonArray();
        foreach (var address in new[] { shipping?["address"], order["billing_address"] }.OfType<JsonObject>())
        {
            var copy = (JsonObject)address.DeepClone();
            copy.Remove("entity_id");
            copy.Remove("parent_id");
            addresses.Add(copy);
        }

        order.Remove("billing_address");
        order["addresses"] = addresses;
        order["shipping_method"] = shipping?["method"]?.DeepClone() ?? "flatrate_flatrate";
        if (order["payment"] is JsonObject payment)
        {
            payment.Remove("entity_id");
            payment.Remove("parent_id");
            payment["additional_data"] = null;
        }

        // The model's own gift card, store credit and reward fields; extension attributes are not built yet.
        var cards = extension?["gift_cards"] as JsonArray;
        order["gift_cards"] = (cards ?? []).ToJsonString();
        order["gift_cards_amount"] = extension?["gift_cards_amount"]?.DeepClone() ?? 0;
        order["base_gift_cards_amount"] = extension?["base_gift_cards_amount"]?.DeepClone() ?? 0;
        order["customer_balance_amount"] = extension?["customer_balance_amount"]?.DeepClone() ?? 0;
        order["base_customer_balance_amount"] = extension?["base_customer_balance_amount"]?.DeepClone() ?? 0;
        order["reward_currency_amount"] = extension?["reward_currency_amount"]?.DeepClone() ?? 0;
        order["base_reward_currency_amount"] = extension?["base_reward_currency_amount"]?.DeepClone() ?? 0;
        order["extension_attributes"] = new JsonArray();
        return order;
    }

    private static void Unsave(JsonObject item)
    {
        foreach (var name in UnsavedItem)
        {
            item.Remove(name);
        }
    }
}
