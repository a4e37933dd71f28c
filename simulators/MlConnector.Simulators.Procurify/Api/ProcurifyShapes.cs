using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Procurify.Model;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>Writes the simulator's records in Procurify's JSON shapes (snake_case v2/v3 fields, decimal strings, integer enums).</summary>
internal sealed class ProcurifyShapes(ProcurifyStore store)
{
    private static readonly Dictionary<string, int> CurrencyIds = new(StringComparer.Ordinal) { ["USD"] = 1, ["CAD"] = 2, ["EUR"] = 3, ["GBP"] = 4 };

    public JsonObject PurchaseOrderSummary(SimPurchaseOrder order)
    {
        var vendor = store.Vendor(order.VendorId);
        var subtotal = order.Lines.Sum(line => line.Quantity * line.Price);
        var tax = order.Lines.Sum(line => line.TaxAmount);
        var freight = order.Lines.Sum(line => line.ShippingAmount);
        return new JsonObject
        {
            ["uuid"] = order.Uuid.ToString(),
            ["procurify_PO"] = order.ProcurifyPO,
            ["PO_Num"] = order.PoNum,
            ["number"] = order.ProcurifyPO.ToString(CultureInfo.InvariantCulture),
            ["version"] = order.Version,
            ["most_recent_version"] = true,
            ["date"] = Stamp(order.Date),
            ["recorded_date"] = Stamp(order.Date),
            ["closed_date"] = order.ClosedDate is { } closed ? Stamp(closed) : null,
            ["last_modified"] = Stamp(order.LastModified ?? order.Date),
            ["state"] = order.State,
            ["fulfilment_status"] = order.FulfilmentStatus,
            ["active"] = order.State != ProcurifyCodes.PurchaseOrderState.Cancelled,
            ["purchaser"] = new JsonObject { ["id"] = 7, ["firstName"] = "Pat", ["lastName"] = "Buyer", ["email"] = "pat.buyer@example.com" },
            ["pref_vendor"] = vendor is null ? null : VendorReference(vendor),
            ["vendor_name"] = vendor?.Name,
            ["subtotal"] = Money(subtotal),
            ["total"] = Money(subtotal + tax + freight),
            ["freight"] = Money(freight),
            ["other"] = Money(0),
            ["tax"] = new JsonObject { ["name"] = "Sales tax", ["amount"] = Money(tax) },
            ["discount"] = new JsonObject { ["amount"] = Money(0) },
            ["purchased_currency"] = Currency(order.Currency),
            ["purchased_currency_rate"] = "1.000000",
            ["payment_terms"] = "Net 30",
            ["shipping_terms"] = "FOB",
            ["promise_date"] = order.PromiseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["expiry_date"] = null,
            ["comment"] = order.Comment ?? string.Empty,
            ["item_count"] = order.Lines.Count,
            ["staged_for_export"] = false,
        };
    }

    public JsonObject PurchaseOrderDetail(SimPurchaseOrder order)
    {
        var detail = PurchaseOrderSummary(order);
        detail["order_items"] = new JsonArray([.. order.Lines.Select(line => (JsonNode)OrderItem(line, order.VendorId, order.Currency, order, order.RequisitionNum))]);
        detail["custom_fields"] = new JsonArray();
        detail["cost_details"] = new JsonObject();
        return detail;
    }

    public JsonObject OrderItem(SimOrderItem line, int vendorId, string currency, SimPurchaseOrder? order, int? requisitionNum)
    {
        var vendor = store.Vendor(vendorId);
        var accountCode = store.AccountCode(line.AccountCodeId);
        var department = store.Department(line.DepartmentId);
        var stamp = line.LastModified ?? order?.LastModified ?? order?.Date;
        return new JsonObject
        {
            ["id"] = line.Id,
            ["num"] = line.LineNumber,
            ["name"] = line.Name,
            ["sku"] = line.Sku ?? string.Empty,
            ["unit"] = line.Unit,
            ["quantity"] = Quantity(line.Quantity),
            ["price"] = Money(line.Price),
            ["approved_quantity"] = Quantity(line.Quantity),
            ["approved_price"] = Money(line.Price),
            ["currency"] = Currency(currency),
            ["account"] = new JsonObject
            {
                ["id"] = (line.AccountCodeId * 1000) + line.DepartmentId,
                ["account_code"] = accountCode is null ? null : AccountCode(accountCode),
                ["department"] = department is null ? null : Department(department),
            },
            ["accountCode"] = accountCode?.Code,
            ["PO"] = order is null ? null : new JsonObject { ["id"] = order.ProcurifyPO, ["uuid"] = order.Uuid.ToString() },
            ["PO_line_num"] = order is null ? null : line.LineNumber,
            ["purchase_order_number"] = order?.ProcurifyPO.ToString(CultureInfo.InvariantCulture),
            ["orderNum"] = requisitionNum,
            ["status"] = line.Status,
            ["vendor"] = vendor?.Name,
            ["pref_vendor"] = vendor is null ? null : VendorReference(vendor),
            ["tax_amount"] = Money(line.TaxAmount),
            ["shipping_amount"] = Money(line.ShippingAmount),
            ["total_cost"] = Money(line.TotalCost),
            ["custom_fields"] = new JsonArray(),
            ["external_id"] = null,
            ["last_modified"] = stamp is { } s ? Stamp(s) : null,
            ["updated_at"] = stamp is { } u ? Stamp(u) : null,
            ["approved_datetime"] = stamp is { } a ? Stamp(a) : null,
        };
    }

    public JsonObject Requisition(SimRequisition requisition)
    {
        var department = store.Department(requisition.DepartmentId);
        return new JsonObject
        {
            ["uuid"] = requisition.Uuid.ToString(),
            ["num"] = requisition.Num,
            ["branch"] = department is null ? null : new JsonObject { ["id"] = department.BranchId, ["name"] = department.BranchName },
            ["user"] = new JsonObject { ["id"] = 9, ["firstName"] = "Robin", ["lastName"] = "Requester" },
            ["department"] = department is null ? null : Department(department),
            ["description"] = requisition.Description,
            ["currency"] = Currency(requisition.Currency),
            ["date"] = Stamp(requisition.Date),
            ["dateRequired"] = requisition.DateRequired?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dateModified"] = Stamp(requisition.DateModified ?? requisition.Date),
            ["lineCount"] = requisition.Lines.Count,
            ["totalPrice"] = Money(requisition.Lines.Sum(line => line.Item.TotalCost)),
            ["status"] = requisition.Status,
        };
    }

    public static JsonObject Vendor(SimVendor vendor) => new()
    {
        ["id"] = vendor.Id,
        ["name"] = vendor.Name,
        ["email"] = new JsonArray($"orders@vendor{vendor.Id}.example"),
        ["type"] = vendor.Type,
        ["active"] = vendor.Active,
        ["addressLineOne"] = $"{vendor.Id} Supply Street",
        ["addressLineTwo"] = string.Empty,
        ["postalCode"] = "V6B 1A1",
        ["city"] = "Vancouver",
        ["state_province"] = "BC",
        ["country"] = "Canada",
        ["phoneOne"] = "+1 604 555 0100",
        ["fax"] = string.Empty,
        ["contact"] = "Sales",
        ["url"] = string.Empty,
        ["external_id"] = vendor.ExternalId ?? string.Empty,
        ["dateModified"] = Stamp(vendor.DateModified),
        ["currency"] = CurrencyIds.GetValueOrDefault(vendor.Currency, 1),
        ["payment_term_ref"] = null,
        ["shipping_term_ref"] = null,
        ["payment_method_ref"] = null,
        ["tax"] = null,
    };

    public static JsonObject AccountCode(SimAccountCode code) => new()
    {
        ["id"] = code.Id,
        ["code"] = code.Code,
        ["description"] = code.Description,
        ["account_type"] = code.AccountType,
        ["active"] = code.Active,
        ["parent"] = null,
    };

    public static JsonObject Department(SimDepartment department) => new()
    {
        ["id"] = department.Id,
        ["name"] = department.Name,
        ["branch"] = new JsonObject { ["id"] = department.BranchId, ["name"] = department.BranchName },
        ["external_id"] = department.ExternalId ?? string.Empty,
        ["active"] = department.Active,
    };

    public static string Stamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject VendorReference(SimVendor vendor) => new()
    {
        ["id"] = vendor.Id,
        ["name"] = vendor.Name,
        ["external_id"] = vendor.ExternalId ?? string.Empty,
        ["active"] = vendor.Active,
        ["type"] = vendor.Type,
    };

    private static JsonObject Currency(string code) => new()
    {
        ["id"] = CurrencyIds.GetValueOrDefault(code, 99),
        ["name"] = code,
        ["rate"] = "1.000000",
        ["base"] = code == "USD",
    };

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quantity(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
