using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// Builds an order as <c>GET /V1/orders/{id}</c> answers it. Shapes: <c>sales-data-order-interface</c> and
/// <c>sales-data-order-item-interface</c> of Adobe's Commerce 2.4.8 REST schema (AdobeDocs/commerce-webapi
/// src/openapi/admin-schema-2.4.8.yaml, subset in tests/MlConnector.AdobeCommerce.Tests/Contracts); values and field
/// choice follow Adobe's documented response (src/pages/rest/tutorials/orders/order-create-order.md) and its bundle and
/// configurable lines (order-create-invoice.md: a dynamic bundle's composite SKU, a configurable parent and its
/// zero-priced child with the same SKU). Money: <c>tax_amount</c> includes <c>shipping_tax_amount</c>; gift cards,
/// store credit and reward points (<c>extension_attributes</c>) are taken off <c>grand_total</c>; a cancelled quantity
/// leaves <c>grand_total</c> as it was and is counted in the <c>*_canceled</c> totals.
/// </summary>
internal static class SimulatedOrderJson
{
    public static BuiltOrder Build(SimulatedOrder spec, long entityId, ref long nextItemId, string now)
    {
        var items = new JsonArray();
        var products = new List<JsonObject>();
        var shipsSeparately = new HashSet<long>();
        var totals = new Totals();
        foreach (var line in spec.Lines)
        {
            var parentId = nextItemId++;
            var itemsBefore = items.Count;
            switch (line.Type)
            {
                case SimulatedProductType.Configurable:
                    var parent = Item(parentId, entityId, line.Sku, line.Name, "configurable", line.Qty, line.QtyCanceled, line.Price, line.TaxPercent, now, totals);
                    parent["product_option"] = Option("configurable_item_options", new JsonArray(new JsonObject { ["option_id"] = "93", ["option_value"] = 52 }));
                    items.Add(parent);

                    // The child repeats the SKU at price 0; shipping and invoicing go through the parent.
                    items.Add(Child(Item(nextItemId++, entityId, line.Sku, line.Name + " (variant)", "simple", line.Qty, line.QtyCanceled, 0, 0, now, null), parent));
                    products.Add(Product(ProductId(line.Sku, "configurable"), line.Sku, line.Name, "configurable"));
                    break;

                case SimulatedProductType.BundleFixedPrice or SimulatedProductType.BundleDynamicPrice:
                    AddBundle(items, line, parentId, entityId, ref nextItemId, now, totals);
                    products.Add(BundleProduct(line));
                    if (line.ShipSeparately)
                    {
                        shipsSeparately.Add(parentId);
                    }

                    break;

                default:
                    var (type, isVirtual) = line.Type switch
                    {
                        SimulatedProductType.Virtual => ("virtual", 1),
                        SimulatedProductType.Downloadable => ("downloadable", 1),
                        SimulatedProductType.GiftCard => ("giftcard", 1),
                        _ => ("simple", 0),
                    };
                    var item = Item(parentId, entityId, line.Sku, line.Name, type, line.Qty, line.QtyCanceled, line.Price, line.TaxPercent, now, totals);
                    item["is_virtual"] = isVirtual;
                    items.Add(item);
                    products.Add(Product(ProductId(line.Sku, type), line.Sku, line.Name, type));
                    break;
            }

            totals.Quantity += line.Qty;
            totals.ItemCount += items.Count - itemsBefore;
        }

        var shippingTax = Round(spec.ShippingAmount * spec.ShippingTaxPercent / 100m);
        var tax = totals.Tax + shippingTax;
        var grandTotal = totals.Subtotal + tax + spec.ShippingAmount - spec.DiscountAmount - spec.GiftCardAmount - spec.StoreCreditAmount - spec.RewardPointsAmount;
        var order = new JsonObject
        {
            ["applied_rule_ids"] = spec.DiscountAmount > 0 ? "1" : null,
            ["base_currency_code"] = spec.Currency,
            ["base_discount_amount"] = -spec.DiscountAmount,
            ["base_grand_total"] = grandTotal,
            ["base_discount_tax_compensation_amount"] = 0,
            ["base_shipping_amount"] = spec.ShippingAmount,
            ["base_shipping_discount_amount"] = 0,
            ["base_shipping_incl_tax"] = spec.ShippingAmount + shippingTax,
            ["base_shipping_tax_amount"] = shippingTax,
            ["base_subtotal"] = totals.Subtotal,
            ["base_subtotal_incl_tax"] = totals.Subtotal + totals.Tax,
            ["base_tax_amount"] = tax,
            ["base_total_due"] = grandTotal - totals.Canceled,
            ["base_to_global_rate"] = 1,
            ["base_to_order_rate"] = 1,
            ["billing_address_id"] = entityId * 2,
            ["created_at"] = spec.CreatedAt,
            ["customer_email"] = spec.CustomerEmail,
            ["customer_firstname"] = "Avery",
            ["customer_group_id"] = 1,
            ["customer_id"] = 3,
            ["customer_is_guest"] = 0,
            ["customer_lastname"] = "Buyer",
            ["customer_note_notify"] = 1,
            ["discount_amount"] = -spec.DiscountAmount,
            ["email_sent"] = 1,
            ["entity_id"] = entityId,
            ["global_currency_code"] = spec.Currency,
            ["grand_total"] = grandTotal,
            ["discount_tax_compensation_amount"] = 0,
            ["increment_id"] = spec.IncrementId,
            ["is_virtual"] = 0,
            ["order_currency_code"] = spec.Currency,
            ["protect_code"] = "61f76d",
            ["quote_id"] = entityId + 3,
            ["shipping_amount"] = spec.ShippingAmount,
            ["shipping_description"] = "Flat Rate - Fixed",
            ["shipping_discount_amount"] = 0,
            ["shipping_discount_tax_compensation_amount"] = 0,
            ["shipping_incl_tax"] = spec.ShippingAmount + shippingTax,
            ["shipping_tax_amount"] = shippingTax,
            ["state"] = spec.State,
            ["status"] = spec.Status,
            ["store_currency_code"] = spec.Currency,
            ["store_id"] = 1,
            ["store_name"] = spec.StoreName,
            ["store_to_base_rate"] = 0,
            ["store_to_order_rate"] = 0,
            ["subtotal"] = totals.Subtotal,
            ["subtotal_incl_tax"] = totals.Subtotal + totals.Tax,
            ["tax_amount"] = tax,
            ["total_due"] = grandTotal - totals.Canceled,
            ["total_item_count"] = totals.ItemCount,
            ["total_qty_ordered"] = totals.Quantity,
            ["updated_at"] = spec.CreatedAt,
            ["weight"] = totals.Quantity,
            ["items"] = items,
            ["billing_address"] = Address(entityId, "billing"),
            ["payment"] = new JsonObject
            {
                ["account_status"] = null,
                ["additional_information"] = new JsonArray(spec.PaymentMethod == "purchaseorder" ? "Purchase Order" : spec.PaymentMethod),
                ["amount_ordered"] = grandTotal,
                ["base_amount_ordered"] = grandTotal,
                ["base_shipping_amount"] = spec.ShippingAmount,
                ["cc_last4"] = null,
                ["entity_id"] = entityId,
                ["method"] = spec.PaymentMethod,
                ["parent_id"] = entityId,
                ["po_number"] = spec.PoNumber,
                ["shipping_amount"] = spec.ShippingAmount,
            },
            ["status_histories"] = new JsonArray(),
            ["extension_attributes"] = Extension(spec, entityId, items, shippingTax),
        };
        if (totals.Canceled > 0)
        {
            order["subtotal_canceled"] = totals.SubtotalCanceled;
            order["base_subtotal_canceled"] = totals.SubtotalCanceled;
            order["tax_canceled"] = totals.TaxCanceled;
            order["base_tax_canceled"] = totals.TaxCanceled;
            order["total_canceled"] = totals.Canceled;
            order["base_total_canceled"] = totals.Canceled;
        }

        return new BuiltOrder(order, products, shipsSeparately);
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A bundle: the parent, then one child per option. A fixed price sits on the parent; a dynamic one on the children.</summary>
    private static void AddBundle(JsonArray items, SimulatedOrderLine line, long parentId, long orderId, ref long nextItemId, string now, Totals totals)
    {
        var fixedPrice = line.Type == SimulatedProductType.BundleFixedPrice;
        var sku = line.DynamicSku ? string.Join('-', new[] { line.Sku }.Concat(line.Options.Select(option => option.Sku))) : line.Sku;
        var parent = fixedPrice
            ? Item(parentId, orderId, sku, line.Name, "bundle", line.Qty, line.QtyCanceled, line.Price, line.TaxPercent, now, totals)
            : Item(parentId, orderId, sku, line.Name, "bundle", line.Qty, line.QtyCanceled, line.Price, 0, now, null);
        parent["product_id"] = ProductId(line.Sku, "bundle");
        parent["product_option"] = Option("bundle_options", new JsonArray(line.Options.Select((option, index) => (JsonNode)new JsonObject
        {
            ["option_id"] = index + 1,
            ["option_qty"] = option.QtyPerBundle,
            ["option_selections"] = new JsonArray(index + 1),
        }).ToArray()));
        items.Add(parent);
        foreach (var option in line.Options)
        {
            var child = fixedPrice
                ? Item(nextItemId++, orderId, option.Sku, option.Name, "simple", line.Qty * option.QtyPerBundle, line.QtyCanceled * option.QtyPerBundle, 0, 0, now, null)
                : Item(nextItemId++, orderId, option.Sku, option.Name, "simple", line.Qty * option.QtyPerBundle, line.QtyCanceled * option.QtyPerBundle, option.Price, line.TaxPercent, now, totals);
            items.Add(Child(child, parent));
        }
    }

    /// <summary>One order item; <paramref name="totals"/> is null for a line whose money another line carries.</summary>
    private static JsonObject Item(long itemId, long orderId, string sku, string name, string type, decimal qty, decimal canceled, decimal price, decimal taxPercent, string now, Totals? totals)
    {
        var rowTotal = Round(qty * price);
        var tax = Round(rowTotal * taxPercent / 100m);
        var taxCanceled = qty == 0 ? 0 : Round(tax * canceled / qty);
        if (totals is not null)
        {
            totals.Subtotal += rowTotal;
            totals.Tax += tax;
            totals.SubtotalCanceled += Round(canceled * price);
            totals.TaxCanceled += taxCanceled;
        }

        var priceInclTax = qty == 0 ? price : Round(price + (tax / qty));
        return new JsonObject
        {
            ["amount_refunded"] = 0,
            ["base_amount_refunded"] = 0,
            ["base_discount_amount"] = 0,
            ["base_discount_invoiced"] = 0,
            ["base_discount_tax_compensation_amount"] = 0,
            ["base_original_price"] = price,
            ["base_price"] = price,
            ["base_price_incl_tax"] = priceInclTax,
            ["base_row_invoiced"] = 0,
            ["base_row_total"] = rowTotal,
            ["base_row_total_incl_tax"] = rowTotal + tax,
            ["base_tax_amount"] = tax,
            ["base_tax_invoiced"] = 0,
            ["created_at"] = now,
            ["discount_amount"] = 0,
            ["discount_invoiced"] = 0,
            ["discount_percent"] = 0,
            ["free_shipping"] = 0,
            ["discount_tax_compensation_amount"] = 0,
            ["is_qty_decimal"] = 0,
            ["is_virtual"] = 0,
            ["item_id"] = itemId,
            ["name"] = name,
            ["no_discount"] = 0,
            ["order_id"] = orderId,
            ["original_price"] = price,
            ["price"] = price,
            ["price_incl_tax"] = priceInclTax,
            ["product_id"] = ProductId(sku, type),
            ["product_type"] = type,
            ["qty_canceled"] = canceled,
            ["qty_invoiced"] = 0,
            ["qty_ordered"] = qty,
            ["qty_refunded"] = 0,
            ["qty_shipped"] = 0,
            ["quote_item_id"] = itemId + 5,
            ["row_invoiced"] = 0,
            ["row_total"] = rowTotal,
            ["row_total_incl_tax"] = rowTotal + tax,
            ["row_weight"] = qty,
            ["sku"] = sku,
            ["store_id"] = 1,
            ["tax_amount"] = tax,
            ["tax_canceled"] = taxCanceled,
            ["tax_invoiced"] = 0,
            ["tax_percent"] = taxPercent,
            ["updated_at"] = now,
            ["weight"] = 1,
        };
    }

    /// <summary>A child line names its parent by id and carries the parent's data, as REST returns it.</summary>
    private static JsonObject Child(JsonObject child, JsonObject parent)
    {
        child["parent_item_id"] = parent["item_id"]!.DeepClone();
        child["parent_item"] = parent.DeepClone();
        return child;
    }

    private static JsonObject Option(string kind, JsonArray values) =>
        new() { ["extension_attributes"] = new JsonObject { [kind] = values } };

    private static JsonObject Extension(SimulatedOrder spec, long entityId, JsonArray items, decimal shippingTax)
    {
        var extension = new JsonObject
        {
            ["shipping_assignments"] = new JsonArray(new JsonObject
            {
                ["shipping"] = new JsonObject
                {
                    ["address"] = Address(entityId, "shipping"),
                    ["method"] = "flatrate_flatrate",
                    ["total"] = new JsonObject
                    {
                        ["base_shipping_amount"] = spec.ShippingAmount,
                        ["base_shipping_discount_amount"] = 0,
                        ["base_shipping_incl_tax"] = spec.ShippingAmount + shippingTax,
                        ["base_shipping_tax_amount"] = shippingTax,
                        ["shipping_amount"] = spec.ShippingAmount,
                        ["shipping_discount_amount"] = 0,
                        ["shipping_discount_tax_compensation_amount"] = 0,
                        ["shipping_incl_tax"] = spec.ShippingAmount + shippingTax,
                        ["shipping_tax_amount"] = shippingTax,
                    },
                },
                ["items"] = items.DeepClone(),
            }),
            ["applied_taxes"] = new JsonArray(),
            ["item_applied_taxes"] = new JsonArray(),
        };
        if (spec.GiftCardAmount > 0)
        {
            extension["gift_cards"] = new JsonArray(new JsonObject { ["id"] = 1, ["code"] = "GC0000DEMO01", ["amount"] = spec.GiftCardAmount, ["base_amount"] = spec.GiftCardAmount });
            extension["gift_cards_amount"] = spec.GiftCardAmount;
            extension["base_gift_cards_amount"] = spec.GiftCardAmount;
        }

        if (spec.StoreCreditAmount > 0)
        {
            extension["customer_balance_amount"] = spec.StoreCreditAmount;
            extension["base_customer_balance_amount"] = spec.StoreCreditAmount;
        }

        if (spec.RewardPointsAmount > 0)
        {
            extension["reward_points_balance"] = (int)(spec.RewardPointsAmount * 100);
            extension["reward_currency_amount"] = spec.RewardPointsAmount;
            extension["base_reward_currency_amount"] = spec.RewardPointsAmount;
        }

        return extension;
    }

    /// <summary>The catalog entry <c>GET /V1/products/{sku}</c> serves; a bundle's settings are custom attributes.</summary>
    private static JsonObject BundleProduct(SimulatedOrderLine line)
    {
        var product = Product(ProductId(line.Sku, "bundle"), line.Sku, line.Name, "bundle");
        product["custom_attributes"] = new JsonArray(
            Attribute("shipment_type", line.ShipSeparately ? "1" : "0"),
            Attribute("sku_type", line.DynamicSku ? "0" : "1"),
            Attribute("price_type", line.Type == SimulatedProductType.BundleFixedPrice ? "1" : "0"),
            Attribute("price_view", "0"));
        return product;
    }

    private static JsonObject Product(long id, string sku, string name, string type) => new()
    {
        ["id"] = id,
        ["sku"] = sku,
        ["name"] = name,
        ["attribute_set_id"] = 4,
        ["status"] = 1,
        ["visibility"] = 4,
        ["type_id"] = type,
        ["custom_attributes"] = new JsonArray(),
    };

    private static JsonObject Attribute(string code, string value) => new() { ["attribute_code"] = code, ["value"] = value };

    private static long ProductId(string sku, string type) =>
        Math.Abs(sku.GetHashCode(StringComparison.Ordinal) % 10000) + (type == "simple" ? 0 : 20000);

    private static JsonObject Address(long orderId, string type) => new()
    {
        ["address_type"] = type,
        ["city"] = "Austin",
        ["country_id"] = "US",
        ["email"] = "buyer@example.com",
        ["entity_id"] = orderId * 2 + (type == "billing" ? 0 : 1),
        ["firstname"] = "Avery",
        ["lastname"] = "Buyer",
        ["parent_id"] = orderId,
        ["postcode"] = "78701",
        ["region"] = "Texas",
        ["region_code"] = "TX",
        ["region_id"] = 57,
        ["street"] = new JsonArray("100 Commerce Way"),
        ["telephone"] = "5125550100",
    };

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed class Totals
    {
        public decimal Subtotal { get; set; }
        public decimal Tax { get; set; }
        public decimal SubtotalCanceled { get; set; }
        public decimal TaxCanceled { get; set; }
        public decimal Quantity { get; set; }
        public int ItemCount { get; set; }

        public decimal Canceled => SubtotalCanceled + TaxCanceled;
    }
}

/// <summary>The order JSON, the catalog products it uses, and which bundle items ship their options separately (not visible in the order).</summary>
internal sealed record BuiltOrder(JsonObject Order, IReadOnlyList<JsonObject> Products, IReadOnlySet<long> BundlesShippedSeparately);
