namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Every field name of the JAGGAER purchase-order resource, in one place. JAGGAER publishes no PO endpoint: the document
/// follows its <c>ji</c> invoices (UCLALibrary/jaggaer-api, sample_data/invoice_sample.json and invoice_list.json), a
/// <c>header</c> object and a <c>lineList</c> of lines with a numeric <c>unitPrice</c>, no catalog number on non-catalog
/// lines and the accounting segments nested in <c>splittableFieldSetGroupList</c>. The PO-specific names (id, number,
/// order date, status, the list keys) are inferred, so a customer whose instance names a field differently changes it here
/// and nowhere else (the connector and the JAGGAER -> X3 mapper read only these names).
/// </summary>
public static class JaggaerPurchaseOrderFields
{
    /// <summary>The envelope key holding the orders, as a dotted path (<c>purchaseOrderList.purchaseOrder[]</c>); inferred.</summary>
    public const string ListKey = "purchaseOrderList.purchaseOrder";

    public const string Id = "header.purchaseOrderId";
    public const string Number = "header.poNumber";
    public const string OrderDate = "header.orderDate";
    public const string LastUpdate = "header.lastUpdate";
    public const string Status = "header.status";
    public const string BusinessUnit = "header.businessUnit";
    public const string SupplierId = "header.supplier.id";
    public const string SupplierName = "header.supplier.name";
    public const string SupplierNumber = "header.supplier.supplierNumber";
    public const string Currency = "header.total.currency";

    /// <summary>The lines, as a dotted path (<c>lineList.poLine[]</c>), and each line's fields.</summary>
    public const string Lines = "lineList.poLine";
    public const string LineNumber = "lineNumber";
    public const string LineDescription = "item.description";
    public const string LineCatalogNumber = "item.catalogNumber";
    public const string LineUnit = "item.unitOfMeasure.dimension";
    public const string LineQuantity = "quantity";
    public const string LineUnitPrice = "unitPrice";

    /// <summary>
    /// A line's accounting (JAGGAER "splittable fields"): somewhere under this key, segments
    /// <c>{internalName, value, description}</c> such as <c>Account</c> or <c>CostCenter</c>.
    /// </summary>
    public const string LineAccounting = "splittableFieldSetGroupList";
    public const string SegmentName = "internalName";
    public const string SegmentValue = "value";

    /// <summary>The field the change filter names (<c>lastUpdate&gt;=...</c>) and the format of its value (ISO, as in <c>ji</c>).</summary>
    public const string ChangeFilterField = "lastUpdate";
    public const string ChangeFilterFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary><see cref="Status"/> values that close the X3 order; any other status is an open order.</summary>
    public static readonly IReadOnlyList<string> CancelledStatuses = ["Cancelled", "Canceled", "Voided"];
    public static readonly IReadOnlyList<string> ClosedStatuses = ["Closed", "Completed", "Finally Closed"];
}
