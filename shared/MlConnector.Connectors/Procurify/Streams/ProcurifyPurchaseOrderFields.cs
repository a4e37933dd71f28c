using System.Text.Json;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>Which fields identify a Procurify purchase order and requisition.</summary>
public static class ProcurifyPurchaseOrderFields
{
    /// <summary>The Procurify PO number (<c>procurify_PO</c>), stable across versions; the detail endpoint accepts it.</summary>
    public static string? IdOf(JsonElement purchaseOrder) => purchaseOrder.FirstText("procurify_PO", "id", "uuid");

    /// <summary>The requisition number (<c>num</c>); order items point back at it through <c>order_num</c>.</summary>
    public static string? RequisitionIdOf(JsonElement requisition) => requisition.FirstText("num", "id", "uuid");

    /// <summary>Requisitions carry <c>dateModified</c>; v3 rows use <c>last_modified</c>.</summary>
    public static DateTimeOffset? RequisitionModifiedAt(JsonElement requisition) =>
        requisition.Timestamp("dateModified") ?? requisition.Timestamp("last_modified") ?? requisition.Timestamp("modified_date");
}
