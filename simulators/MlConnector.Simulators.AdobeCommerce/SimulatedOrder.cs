using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>What a test says about an order; the simulator turns it into the full <c>OrderInterface</c> JSON.</summary>
public sealed record SimulatedOrder(string IncrementId, string? PoNumber, IReadOnlyList<SimulatedOrderLine> Lines)
{
    public string Currency { get; init; } = "USD";
    public decimal ShippingAmount { get; init; }

    /// <summary>A positive amount; Commerce stores it negated.</summary>
    public decimal DiscountAmount { get; init; }

    public string State { get; init; } = "processing";
    public string Status { get; init; } = "processing";
    public string CreatedAt { get; init; } = "2025-03-03 09:15:00";
    public string CustomerEmail { get; init; } = "buyer@example.com";
    public string StoreName { get; init; } = "Main Website\nMain Website Store\nDefault Store View";
    public string PaymentMethod { get; init; } = "purchaseorder";
}

/// <param name="Configurable">True: a configurable parent line (priced) plus a simple child line pointing at it.</param>
public sealed record SimulatedOrderLine(string Sku, string Name, decimal Qty, decimal Price, decimal TaxPercent = 0, bool Configurable = false);

internal static class SimulatedOrderJson
{
    public static JsonObject Build(SimulatedOrder spec, long entityId, ref long nextItemId, string now)
    {
        var items = new JsonArray();
        decimal subtotal = 0, tax = 0, qty = 0;
        foreach (var line in spec.Lines)
        {
            var rowTotal = Math.Round(line.Qty * line.Price, 2);
            var lineTax = Math.Round(rowTotal * line.TaxPercent / 100m, 2);
            subtotal += rowTotal;
            tax += lineTax;
            qty += line.Qty;
            var parentId = nextItemId++;
            items.Add(Item(parentId, null, entityId, line, line.Configurable ? "configurable" : "simple", line.Price, rowTotal, lineTax, line.TaxPercent, now));
            if (line.Configurable)
            {
                // The child repeats the SKU at price 0; shipping and invoicing go through the parent.
                items.Add(Item(nextItemId++, parentId, entityId, line, "simple", 0, 0, 0, 0, now));
            }
        }

        var grandTotal = subtotal + tax + spec.ShippingAmount - spec.DiscountAmount;
        var order = new JsonObject
        {
            ["entity_id"] = entityId,
            ["increment_id"] = spec.IncrementId,
            ["state"] = spec.State,
            ["status"] = spec.Status,
            ["store_id"] = 1,
            ["store_name"] = spec.StoreName,
            ["customer_email"] = spec.CustomerEmail,
            ["customer_firstname"] = "Avery",
            ["customer_lastname"] = "Buyer",
            ["created_at"] = spec.CreatedAt,
            ["updated_at"] = spec.CreatedAt,
            ["order_currency_code"] = spec.Currency,
            ["base_currency_code"] = spec.Currency,
            ["global_currency_code"] = spec.Currency,
            ["subtotal"] = subtotal,
            ["base_subtotal"] = subtotal,
            ["discount_amount"] = -spec.DiscountAmount,
            ["base_discount_amount"] = -spec.DiscountAmount,
            ["shipping_amount"] = spec.ShippingAmount,
            ["base_shipping_amount"] = spec.ShippingAmount,
            ["shipping_tax_amount"] = 0,
            ["tax_amount"] = tax,
            ["base_tax_amount"] = tax,
            ["grand_total"] = grandTotal,
            ["base_grand_total"] = grandTotal,
            ["total_qty_ordered"] = qty,
            ["shipping_description"] = "Flat Rate - Fixed",
            ["items"] = items,
            ["billing_address"] = Address(entityId, "billing"),
            ["payment"] = new JsonObject
            {
                ["method"] = spec.PaymentMethod,
                ["po_number"] = spec.PoNumber,
                ["amount_ordered"] = grandTotal,
                ["parent_id"] = entityId,
                ["additional_information"] = new JsonArray(spec.PaymentMethod == "purchaseorder" ? "Purchase Order" : spec.PaymentMethod),
            },
            ["status_histories"] = new JsonArray(),
            ["extension_attributes"] = new JsonObject
            {
                ["shipping_assignments"] = new JsonArray(new JsonObject
                {
                    ["shipping"] = new JsonObject
                    {
                        ["address"] = Address(entityId, "shipping"),
                        ["method"] = "flatrate_flatrate",
                        ["total"] = new JsonObject { ["shipping_amount"] = spec.ShippingAmount, ["shipping_tax_amount"] = 0 },
                    },
                    ["items"] = items.DeepClone(),
                }),
                ["applied_taxes"] = new JsonArray(),
                ["item_applied_taxes"] = new JsonArray(),
            },
        };
        return order;
    }

    private static JsonObject Item(long itemId, long? parentId, long orderId, SimulatedOrderLine line, string type, decimal price, decimal rowTotal, decimal tax, decimal taxPercent, string now)
    {
        var item = new JsonObject
        {
            ["item_id"] = itemId,
            ["order_id"] = orderId,
            ["sku"] = line.Sku,
            ["name"] = line.Name,
            ["product_id"] = Math.Abs(line.Sku.GetHashCode(StringComparison.Ordinal) % 10000) + (type == "configurable" ? 20000 : 0),
            ["product_type"] = type,
            ["qty_ordered"] = line.Qty,
            ["qty_shipped"] = 0,
            ["qty_invoiced"] = 0,
            ["qty_canceled"] = 0,
            ["qty_refunded"] = 0,
            ["price"] = price,
            ["base_price"] = price,
            ["original_price"] = price,
            ["row_total"] = rowTotal,
            ["base_row_total"] = rowTotal,
            ["tax_amount"] = tax,
            ["tax_percent"] = taxPercent,
            ["discount_amount"] = 0,
            ["price_incl_tax"] = line.Qty == 0 ? price : Math.Round(price + (tax / line.Qty), 2),
            ["row_total_incl_tax"] = rowTotal + tax,
            ["is_virtual"] = 0,
            ["created_at"] = now,
            ["updated_at"] = now,
        };
        if (parentId is { } parent)
        {
            item["parent_item_id"] = parent;
        }

        return item;
    }

    private static JsonObject Address(long orderId, string type) => new()
    {
        ["address_type"] = type,
        ["parent_id"] = orderId,
        ["firstname"] = "Avery",
        ["lastname"] = "Buyer",
        ["street"] = new JsonArray("100 Commerce Way"),
        ["city"] = "Austin",
        ["region"] = "Texas",
        ["region_code"] = "TX",
        ["postcode"] = "78701",
        ["country_id"] = "US",
        ["telephone"] = "5125550100",
        ["email"] = "buyer@example.com",
    };

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
