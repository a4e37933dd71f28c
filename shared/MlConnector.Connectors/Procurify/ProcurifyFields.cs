namespace MlConnector.Connectors.Procurify;

/// <summary>
/// Every Procurify field name the connector and the Procurify -> X3 mappers read, by the models that define it. The
/// contract test checks each name against those models in Procurify's SDK (konfig-sdks/procurify-python-sdk,
/// procurify_python_sdk/pydantic/), so a name read here and absent there fails the build's tests unless it carries
/// <see cref="OtherSourceAttribute"/>.
/// </summary>
public static class ProcurifyFields
{
    /// <summary>A purchase order: a row of the v2 list, or the v2 detail under <c>data</c>.</summary>
    [ProcurifyModel("PurchaseOrderDocs", "PurchaseOrderDetail")]
    public static class PurchaseOrder
    {
        /// <summary>The PO number and primary key: the detail URL takes it, order items' <c>PO</c> lists hold it.</summary>
        public const string Id = "procurify_PO";
        public const string Uuid = "uuid";
        public const string CustomerNumber = "PO_Num";
        public const string LastModified = "last_modified";
        public const string ItemCount = "item_count";
        public const string State = "state";
        public const string Date = "date";
        public const string PromiseDate = "promise_date";
        public const string Vendor = "pref_vendor";
        public const string VendorName = "vendor_name";
        public const string Currency = "purchased_currency";
        public const string Subtotal = "subtotal";
        public const string Total = "total";
        public const string Freight = "freight";
        public const string Other = "other";
        public const string Tax = "tax";
        public const string Discount = "discount";
    }

    /// <summary>The detail's lines. The list has none: the stream attaches the order items it read under the same name.</summary>
    [ProcurifyModel("PurchaseOrderDetail")]
    public static class PurchaseOrderDetail
    {
        public const string Lines = "order_items";
    }

    /// <summary>PO-level <c>tax</c> and <c>discount</c>: a value that is an amount or a percentage.</summary>
    [ProcurifyModel("PriceModifierDocs")]
    public static class PriceModifier
    {
        public const string Value = "value";
        public const string Type = "type";
    }

    /// <summary>The values of a price modifier's <c>type</c>.</summary>
    [ProcurifyEnum("PriceModifierDocs", "type")]
    public static class PriceModifierType
    {
        public const string Amount = "amount";
        public const string Percentage = "percentage";
    }

    /// <summary>
    /// An order item: a row of <c>/api/v3/order-items/</c> (references as bare ids) or a line of the purchase-order
    /// detail (references expanded into objects).
    /// </summary>
    [ProcurifyModel("OrderItem", "PurchaseOrderLineItemRead")]
    public static class Line
    {
        public const string Id = "id";
        public const string Number = "num";
        public const string Name = "name";
        public const string Sku = "sku";
        public const string Unit = "unit";
        public const string Quantity = "quantity";
        public const string Price = "price";
        public const string ApprovedQuantity = "approved_quantity";
        public const string ApprovedPrice = "approved_price";
        public const string TaxAmount = "tax_amount";
        public const string ShippingAmount = "shipping_amount";
        public const string Currency = "currency";
        public const string Account = "account";
        public const string AccountCode = "accountCode";
        public const string Vendor = "pref_vendor";

        /// <summary>The purchase orders (by <c>procurify_PO</c>) the item was bought on.</summary>
        public const string PurchaseOrders = "PO";
        public const string PurchaseOrderLineNumber = "PO_line_num";

        /// <summary>The requisition (<c>num</c>) the item was requested on.</summary>
        public const string RequisitionNumber = "orderNum";
        public const string LastModified = "last_modified";
    }

    /// <summary>An approved requisition: a row of <c>/api/v2/global/orders/</c>.</summary>
    [ProcurifyModel("OrderRead")]
    public static class Requisition
    {
        public const string Number = "num";
        public const string Uuid = "uuid";
        public const string Status = "status";
        public const string DateModified = "dateModified";
        public const string Date = "date";
        public const string DateRequired = "dateRequired";
        public const string Department = "department";
        public const string Currency = "currency";
        public const string Description = "description";
    }

    /// <summary>A vendor: expanded on PO headers and detail lines, or read from <c>/api/v3/vendors/{id}/</c>.</summary>
    [ProcurifyModel("VendorRead", "VendorDetail")]
    public static class Vendor
    {
        public const string Id = "id";
        public const string Name = "name";
        public const string ExternalId = "external_id";
    }

    /// <summary>A currency, expanded on PO headers, requisitions and detail lines; its <c>name</c> is the ISO code.</summary>
    [ProcurifyModel("CurrencySummary")]
    public static class Currency
    {
        public const string Id = "id";
        public const string Code = "name";
    }

    /// <summary>An account (an account code in a department): expanded on detail lines, or a row of <c>/api/v3/accounts/</c>.</summary>
    [ProcurifyModel("AccountRead", "ChartOfAccountsAccount")]
    public static class Account
    {
        public const string Id = "id";
        public const string AccountCode = "account_code";
        public const string Department = "department";
    }

    [ProcurifyModel("AccountCodeRead")]
    public static class AccountCode
    {
        public const string Code = "code";
    }

    [ProcurifyModel("DepartmentSummary", "DepartmentRead")]
    public static class Department
    {
        public const string Id = "id";
        public const string Name = "name";
        public const string ExternalId = "external_id";
    }

    /// <summary>The list envelope: <c>{metadata: {pagination, counts}, data: [...]}</c>; single objects come as <c>{metadata, data}</c> too.</summary>
    [ProcurifyModel("POWithListPurchaseOrderDocs", "ApiNestedEditDeletePurchaseOrderDetail", "VendorDetailSerializerSingleRetrieve")]
    public static class Envelope
    {
        public const string Metadata = "metadata";
        public const string Data = "data";
    }

    [ProcurifyModel("PurchaseOrderListMeta")]
    public static class ListMetadata
    {
        public const string Pagination = "pagination";
        public const string Counts = "counts";
    }

    [ProcurifyModel("PaginationDocs")]
    public static class Pagination
    {
        public const string Count = "count";
        public const string Next = "next";
        public const string Previous = "previous";
        public const string PageSize = "page_size";
        public const string NumPages = "num_pages";
        public const string CurrentPage = "current_page";
    }

    /// <summary>The connector's own key on a record payload: what it looked up for the bare ids of the record's lines.</summary>
    [OtherSource("ml-connector: OrderItemsPayload writes it beside Procurify's fields; Procurify never sends it")]
    public static class Resolved
    {
        public const string References = "mlc:references";
        public const string Accounts = "accounts";
        public const string Vendors = "vendors";
    }
}

/// <summary>The Procurify SDK models (class names in <c>procurify_python_sdk/pydantic/</c>) that define the field names of a class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProcurifyModelAttribute(params string[] models) : Attribute
{
    public IReadOnlyList<string> Models { get; } = models;
}

/// <summary>The constants of a class are values of an enum field of a Procurify SDK model.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProcurifyEnumAttribute(string model, string field) : Attribute
{
    public string Model { get; } = model;

    public string Field { get; } = field;
}

/// <summary>Names the public source of field names that Procurify's SDK models do not define.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Field)]
public sealed class OtherSourceAttribute(string source) : Attribute
{
    public string Source { get; } = source;
}
