using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Procurify.Model;
using static MlConnector.Simulators.Procurify.Api.Shapes.ReferenceShapes;

namespace MlConnector.Simulators.Procurify.Api.Shapes;

/// <summary>
/// Order items in their two shapes. A row of <c>/api/v3/order-items/</c> (<c>OrderItem</c>) names its account, vendor
/// and currency by bare integer ids and its purchase orders by <c>PO</c>, a list of ids (the <c>procurify_PO</c> here),
/// with no <c>purchase_order_number</c> and no promise date. A line of the v2 purchase-order detail
/// (<c>PurchaseOrderLineItemRead</c>) expands them into objects and adds <c>purchase_order_number</c>.
/// Source: konfig-sdks/procurify-python-sdk (commit 3c4c70b0), procurify_python_sdk/pydantic/order_item.py,
/// order_item_po.py, purchase_order_line_item_read.py, purchase_order_line_item_read_po.py, order_item_status_enum.py.
/// </summary>
internal sealed class OrderItemShapes(ProcurifyStore store)
{
    private static readonly SimDepartment BuyerDepartment = new(0, "Purchasing", null);

    /// <summary>A row of the order-items list: a purchased line (<paramref name="order"/> set) or a requested one.</summary>
    public JsonObject ListRow(SimOrderItem line, int vendorId, string currency, SimPurchaseOrder? order, int? requisitionNum, DateTimeOffset stamp)
    {
        var vendor = store.Vendor(vendorId);
        var shape = Common(line, requisitionNum, stamp);
        shape["account"] = line.AccountId;
        shape["currency"] = CurrencyId(currency);
        shape["pref_vendor"] = vendorId;
        shape["vendor"] = vendor?.Name;
        shape["quantity"] = Quantity(line.Quantity);
        shape["approved_quantity"] = Quantity(line.Quantity);
        shape["PO"] = order is null ? new JsonArray() : new JsonArray(order.ProcurifyPO);
        shape["purchase_order"] = order?.ProcurifyPO;
        if (order is not null)
        {
            shape["PO_line_num"] = line.LineNumber;
            shape["po_version"] = order.Version;
        }

        return shape;
    }

    /// <summary>A line of the purchase-order detail, with its account, vendor, currency and buyer expanded.</summary>
    public JsonObject DetailLine(SimOrderItem line, SimPurchaseOrder order)
    {
        var vendor = store.Vendor(order.VendorId);
        var shape = Common(line, order.RequisitionNum, line.LastModified ?? order.LastModified ?? order.Date);
        shape["account"] = store.Account(line.AccountId) is { } account ? AccountRead(account) : null;
        shape["currency"] = Currency(order.Currency);
        shape["pref_vendor"] = vendor is null ? null : Vendor(vendor);
        shape["vendor"] = vendor?.Name;
        shape["purchaser"] = User(7, "Pat", "Buyer", BuyerDepartment);
        shape["quantity"] = line.Quantity;
        shape["approved_quantity"] = line.Quantity;
        shape["receivedPassQty"] = 0;
        shape["receivedFailQty"] = 0;
        shape["attachments"] = new JsonArray();
        shape["item_attachments"] = new JsonArray();
        shape["catalog_item"] = null;
        shape["recurrence"] = null;
        shape["PO"] = new JsonArray(order.ProcurifyPO);
        shape["PO_line_num"] = line.LineNumber;
        shape["po_version"] = order.Version;
        shape["purchase_order"] = order.ProcurifyPO;
        shape["purchase_order_number"] = order.ProcurifyPO.ToString(CultureInfo.InvariantCulture);
        shape["purchase_order_uuid"] = order.Uuid.ToString();
        shape["custom_fields"] = new JsonArray();
        return shape;
    }

    private JsonObject Common(SimOrderItem line, int? requisitionNum, DateTimeOffset stamp) => new()
    {
        ["id"] = line.Id,
        ["num"] = line.LineNumber.ToString(CultureInfo.InvariantCulture),
        ["name"] = line.Name,
        ["sku"] = line.Sku ?? string.Empty,
        ["unit"] = line.Unit,
        ["price"] = Money(line.Price),
        ["approved_price"] = Money(line.Price),
        ["accountCode"] = store.AccountCode(line.AccountCodeId)?.Code ?? string.Empty,
        ["orderNum"] = requisitionNum,
        ["status"] = line.Status,
        ["tax_amount"] = Money(line.TaxAmount),
        ["shipping_amount"] = Money(line.ShippingAmount),
        ["total_cost"] = Money(line.TotalCost),
        ["external_id"] = string.Empty,
        ["active"] = true,
        ["created_at"] = Stamp(stamp),
        ["last_modified"] = Stamp(stamp),
        ["updated_at"] = Stamp(stamp),
        ["approved_datetime"] = Stamp(stamp),
    };
}
