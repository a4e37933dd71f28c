using System.Text.Json.Nodes;
using MlConnector.Simulators.Procurify.Model;
using static MlConnector.Simulators.Procurify.Api.Shapes.ReferenceShapes;

namespace MlConnector.Simulators.Procurify.Api.Shapes;

/// <summary>
/// Purchase orders as the v2 list (<c>PurchaseOrderDocs</c>) and the v2 detail (<c>{metadata, data: PurchaseOrderDetail}</c>)
/// return them, with the list's <c>metadata.counts</c> nested per status group.
/// Source: konfig-sdks/procurify-python-sdk (commit 3c4c70b0), procurify_python_sdk/pydantic/: purchase_order_docs.py,
/// purchase_order_detail.py, api_nested_edit_delete_purchase_order_detail.py, permissions_edit_delete.py,
/// purchase_order_counts_meta.py, purchase_order_counts_breakdown.py, price_modifier_docs.py, purchase_order_contract.py;
/// the v3 write answers from purchase_order_update_serializer_single.py, purchase_order_update.py,
/// order_item_purchase_edit.py, purchase_order_read_docs_serializer_single.py and purchase_order_read_docs.py.
/// </summary>
internal sealed class PurchaseOrderShapes(ProcurifyStore store, OrderItemShapes items)
{
    private static readonly SimDepartment BuyerDepartment = new(0, "Purchasing", null);

    /// <summary>A row of <c>/api/v2/purchase_orders/{role}/{status}/</c>.</summary>
    public JsonObject Summary(SimPurchaseOrder order)
    {
        var shape = Header(order);
        shape["shipping_method"] = "Ground";
        return shape;
    }

    /// <summary><c>/api/v2/purchase_orders/{id}/</c>: the order with its expanded <c>order_items</c>, under <c>data</c>.</summary>
    public JsonObject Detail(SimPurchaseOrder order)
    {
        var data = Header(order);
        data["shipping_method"] = new JsonObject { ["id"] = 1, ["name"] = "Ground", ["active"] = true };
        data["order_items"] = new JsonArray([.. order.Lines.Select(line => (JsonNode)items.DetailLine(line, order))]);
        data["creditcard_is_editable"] = false;
        data["creditcard"] = null;
        data["payment_term"] = new JsonObject { ["id"] = 1, ["name"] = "Net 30", ["active"] = true };
        data["shipping_term"] = new JsonObject { ["id"] = 1, ["name"] = "FOB", ["active"] = true };
        data["custom_fields"] = new JsonArray();
        data["cost_details"] = null;
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["can_edit"] = true, ["can_delete"] = false },
            ["data"] = data,
        };
    }

    /// <summary>The answer to <c>PUT /api/v3/purchase-orders/{procurify_PO}/</c>: the order as it can be edited, under <c>data</c>.</summary>
    public static JsonObject Updated(SimPurchaseOrder order)
    {
        var data = new JsonObject
        {
            ["version"] = order.Version,
            ["order_items"] = new JsonArray([.. order.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["id"] = line.Id,
                ["name"] = line.Name,
                ["unit"] = line.Unit,
                ["quantity"] = Quantity(line.Quantity),
                ["price"] = Money(line.Price),
                ["custom_fields"] = new JsonArray(),
            })]),
            ["PO_Num"] = order.PoNum,
            ["buyer_name"] = "Acme Corp",
            ["buyer_contact"] = "Pat Buyer",
            ["buyer_addressLineOne"] = "1 Harbour Road",
            ["buyer_postalCode"] = "V6C 3E1",
            ["buyer_city"] = "Vancouver",
            ["buyer_country"] = "Canada",
            ["buyer_address"] = 1,
            ["receiver_name"] = "Acme Corp receiving",
            ["receiver_contact"] = "Dock 4",
            ["receiver_addressLineOne"] = "40 Dock Street",
            ["receiver_postalCode"] = "V6A 1B2",
            ["receiver_city"] = "Vancouver",
            ["receiver_country"] = "Canada",
            ["receiver_address"] = 2,
            ["promise_date"] = Stamp(PromiseDate(order)),
            ["discount"] = order.Discount is { } discount ? Modifier(discount) : new JsonObject(),
            ["tax"] = order.Tax is { } tax ? Modifier(tax) : new JsonObject(),
            ["freight"] = Money(order.Freight),
            ["other"] = Money(order.Other),
            ["comment"] = order.Comment,
        };
        return new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
    }

    /// <summary>The answer to <c>POST .../close/</c> and <c>.../reopen/</c>: the order's summary, under <c>data</c>.</summary>
    public JsonObject ReadDocs(SimPurchaseOrder order)
    {
        var vendor = store.Vendor(order.VendorId);
        var data = new JsonObject
        {
            ["id"] = order.ProcurifyPO,
            ["procurify_PO"] = order.ProcurifyPO,
            ["number"] = order.ProcurifyPO.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["uuid"] = order.Uuid.ToString(),
            ["version"] = order.Version,
            ["PO_Num"] = order.PoNum,
            ["date"] = Stamp(order.Date),
            ["last_modified"] = Stamp(order.LastModified ?? order.Date),
            ["state"] = order.State,
            ["fulfilment_status"] = order.FulfilmentStatus,
            ["pref_vendor"] = new JsonObject { ["id"] = order.VendorId, ["name"] = vendor?.Name ?? $"Vendor {order.VendorId}" },
            ["promise_date"] = Stamp(PromiseDate(order)),
            ["purchased_currency"] = new JsonObject { ["id"] = CurrencyId(order.Currency), ["name"] = order.Currency, ["rate"] = "1.000000" },
            ["currency"] = order.Currency,
            ["purchaser"] = new JsonObject { ["id"] = 7, ["email"] = "pat.buyer@example.com" },
            ["subtotal"] = Money(order.Subtotal),
            ["total"] = Money(order.Total),
            ["total_amount"] = Money(order.Total),
            ["freight"] = Money(order.Freight),
            ["other"] = Money(order.Other),
            ["item_count"] = order.Lines.Count,
        };
        if (order.Discount is { } discount)
        {
            data["discount"] = Modifier(discount);
        }

        return new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
    }

    /// <summary><c>metadata.counts</c>: per role, the orders in each status; <c>page</c> is the rows on this page.</summary>
    public static JsonObject Counts(IReadOnlyList<SimPurchaseOrder> all, Func<SimPurchaseOrder, bool> receivable, int rowsOnPage)
    {
        JsonObject Breakdown(IReadOnlyList<SimPurchaseOrder> orders) => new()
        {
            ["all"] = orders.Count,
            ["open"] = orders.Count(order => order.State is ProcurifyCodes.PurchaseOrderState.Purchased or ProcurifyCodes.PurchaseOrderState.Reopened),
            ["partial"] = orders.Count(order => order.FulfilmentStatus == "partial"),
            ["closed"] = orders.Count(order => order.State == ProcurifyCodes.PurchaseOrderState.Closed),
            ["cancelled"] = orders.Count(order => order.State == ProcurifyCodes.PurchaseOrderState.Cancelled),
            ["page"] = rowsOnPage,
        };

        return new JsonObject { ["purchased"] = Breakdown(all), ["receivable"] = Breakdown([.. all.Where(receivable)]) };
    }

    private JsonObject Header(SimPurchaseOrder order)
    {
        var vendor = store.Vendor(order.VendorId);
        var shape = new JsonObject
        {
            ["uuid"] = order.Uuid.ToString(),
            ["procurify_PO"] = order.ProcurifyPO,
            ["PO_Num"] = order.PoNum,
            ["number"] = order.ProcurifyPO.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = order.Version,
            ["most_recent_version"] = order.Version,
            ["date"] = Stamp(order.Date),
            ["recorded_date"] = Stamp(order.Date),
            ["closed_date"] = order.ClosedDate is { } closed ? Stamp(closed) : null,
            ["last_modified"] = Stamp(order.LastModified ?? order.Date),
            ["state"] = order.State,
            ["fulfilment_status"] = order.FulfilmentStatus,
            ["active"] = order.State != ProcurifyCodes.PurchaseOrderState.Cancelled,
            ["purchaser"] = User(7, "Pat", "Buyer", BuyerDepartment),
            ["buyer_name"] = "Acme Corp",
            ["buyer_contact"] = "Pat Buyer",
            ["buyer_addressLineOne"] = "1 Harbour Road",
            ["buyer_postalCode"] = "V6C 3E1",
            ["buyer_city"] = "Vancouver",
            ["buyer_state_province"] = "BC",
            ["buyer_country"] = "Canada",
            ["buyer_address"] = Address(1, "Head office", "1 Harbour Road", "V6C 3E1", "Vancouver", "BC", "Canada"),
            ["receiver_name"] = "Acme Corp receiving",
            ["receiver_contact"] = "Dock 4",
            ["receiver_addressLineOne"] = "40 Dock Street",
            ["receiver_postalCode"] = "V6A 1B2",
            ["receiver_city"] = "Vancouver",
            ["receiver_state_province"] = "BC",
            ["receiver_country"] = "Canada",
            ["receiver_address"] = Address(2, "Warehouse", "40 Dock Street", "V6A 1B2", "Vancouver", "BC", "Canada"),
            ["pref_vendor"] = vendor is null ? null : Vendor(vendor),
            ["vendor_name"] = vendor?.Name,
            ["payment_terms"] = "Net 30",
            ["shipping_terms"] = "FOB",
            ["promise_date"] = Stamp(PromiseDate(order)),
            ["subtotal"] = Money(order.Subtotal),
            ["total"] = Money(order.Total),
            ["freight"] = Money(order.Freight),
            ["other"] = Money(order.Other),
            ["purchased_currency"] = Currency(order.Currency),
            ["purchased_currency_rate"] = "1.000000",
            ["contract"] = new JsonObject { ["id"] = 1, ["uuid"] = "00000000-0000-4000-8000-000000000001", ["name"] = "Master purchasing terms" },
            ["expiry_date"] = null,
            ["comment"] = order.Comment ?? string.Empty,
            ["item_count"] = order.Lines.Count,
            ["staged_for_export"] = false,
        };

        // Optional and not nullable in the model: an order without a tax or discount leaves the field out.
        if (order.Tax is { } tax)
        {
            shape["tax"] = Modifier(tax);
        }

        if (order.Discount is { } discount)
        {
            shape["discount"] = Modifier(discount);
        }

        return shape;
    }

    /// <summary>Required and not nullable in the model: an order without one shows its order date.</summary>
    private static DateTimeOffset PromiseDate(SimPurchaseOrder order) =>
        order.PromiseDate is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : order.Date;

    private static JsonObject Modifier(SimPriceModifier modifier) => new() { ["value"] = modifier.Value, ["type"] = modifier.Type };
}
