namespace MlConnector.Simulators.Procurify.Api;

/// <summary>
/// The query parameters each path defines, as Procurify's SDK lists them. Procurify ignores any other parameter (it
/// answers as if it were absent), and so does the simulator, which also records it in
/// <see cref="ProcurifySimulator.IgnoredParameters"/> so that tests can see a filter that filtered nothing.
/// Source: konfig-sdks/procurify-python-sdk (commit 3c4c70b0), procurify_python_sdk/paths/*/get.py (request_query_* names).
/// </summary>
public static class ProcurifyParameters
{
    /// <summary><c>GET /api/v2/purchase_orders/{role}/{status}/</c>.</summary>
    public static readonly IReadOnlySet<string> PurchaseOrderList = Set(["contract", "date_0", "date_1", "expiry_date_0", "expiry_date_1", "has_blanket_order_items", "modified_date_0", "modified_date_1", "order_by", "page", "page_size", "pref_vendor", "promise_date_0", "promise_date_1"]);

    /// <summary><c>GET /api/v2/purchase_orders/{id}/</c>.</summary>
    public static readonly IReadOnlySet<string> PurchaseOrderDetail = Set(["format"]);

    /// <summary><c>GET /api/v3/order-items/</c>.</summary>
    public static readonly IReadOnlySet<string> OrderItems = Set(["account", "account_code", "active", "approved_datetime_0", "approved_datetime_1", "approved_price", "approved_quantity", "approver", "approver_id", "branch", "catalog", "catalog_item", "currency", "department", "departments", "exclude", "exclude_punchout", "format", "fulfilment_status", "is_purchased", "is_recurring", "last_changed_by", "last_modified_0", "last_modified_1", "lineComment", "location", "locations", "name", "num", "orderNum", "orderNum__status", "order_by", "order_created_date_0", "order_created_date_1", "page", "page_size", "po_created_date_0", "po_created_date_1", "po_vendor", "pref_vendor", "price", "purchase_agreement", "purchased_date_0", "purchased_date_1", "purchaser", "quantity", "receivedFailQty", "receivedPassQty", "requester", "search", "sku", "status", "type", "unit"]);

    /// <summary><c>GET /api/v2/global/orders/</c>.</summary>
    public static readonly IReadOnlySet<string> Requisitions = Set(["branch", "dateRequired", "date_0", "date_1", "department", "format", "has_blanket_order_items", "is_punchout", "lineCount", "location", "modified_date_0", "modified_date_1", "order_by", "page", "page_size", "required_date_0", "required_date_1", "search", "status", "totalPrice"]);

    /// <summary><c>GET /api/v3/vendors/</c>.</summary>
    public static readonly IReadOnlySet<string> Vendors = Set(["exclude_other", "external_id", "format", "name", "order_by", "page", "page_size", "search", "type"]);

    /// <summary><c>GET /api/v3/vendors/{id}/</c>.</summary>
    public static readonly IReadOnlySet<string> Vendor = Set(["format"]);

    /// <summary><c>GET /api/v3/accounts/</c>.</summary>
    public static readonly IReadOnlySet<string> Accounts = Set(["account_code", "active", "department", "departments", "format", "id", "in_effect", "locations", "order_by", "page", "page_size", "search", "with_expired_budgets"]);

    /// <summary><c>GET /api/v3/account-codes/</c>.</summary>
    public static readonly IReadOnlySet<string> AccountCodes = Set(["active", "code", "format", "is_parent", "order_by", "page", "page_size", "search"]);

    /// <summary><c>GET /api/v3/departments/</c>.</summary>
    public static readonly IReadOnlySet<string> Departments = Set(["branch", "format", "include_is_active_for_account_code", "location_perm_override", "locations", "order_by", "page", "page_size", "permission", "requestable", "search", "user"]);

    /// <summary>Every list, by the path the simulator serves, for the contract test that keeps these sets equal to the SDK's.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByPath { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["GET /api/v2/purchase_orders/{role}/{status}"] = PurchaseOrderList,
        ["GET /api/v2/purchase_orders/{id}"] = PurchaseOrderDetail,
        ["GET /api/v3/order-items"] = OrderItems,
        ["GET /api/v2/global/orders"] = Requisitions,
        ["GET /api/v3/vendors"] = Vendors,
        ["GET /api/v3/vendors/{id}"] = Vendor,
        ["GET /api/v3/accounts"] = Accounts,
        ["GET /api/v3/account-codes"] = AccountCodes,
        ["GET /api/v3/departments"] = Departments,
    };

    private static HashSet<string> Set(string[] names) => new(names, StringComparer.Ordinal);
}
