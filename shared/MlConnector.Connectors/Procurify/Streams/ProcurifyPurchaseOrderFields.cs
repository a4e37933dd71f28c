using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static MlConnector.Connectors.Procurify.ProcurifyFields;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>Which fields key a Procurify purchase order and requisition, and the key of a row that lacks them.</summary>
public static class ProcurifyPurchaseOrderFields
{
    /// <summary>
    /// The Procurify PO number (<c>procurify_PO</c>), stable across versions; the detail endpoint accepts it. Procurify
    /// defines it as an integer (see <see cref="PurchaseOrderLineJoin"/>), so any other value is no id: the row is then
    /// keyed like a row without one and rejected, where asking for its detail would fail the whole poll.
    /// </summary>
    public static string? IdOf(JsonElement purchaseOrder) =>
        purchaseOrder.Int(PurchaseOrder.Id) is > 0 and var number ? number.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The requisition number (<c>num</c>); order items point back at it through <c>orderNum</c>.</summary>
    public static string? RequisitionIdOf(JsonElement requisition) => requisition.Text(Requisition.Number);

    public static DateTimeOffset? RequisitionModifiedAt(JsonElement requisition) => requisition.Timestamp(Requisition.DateModified);

    /// <summary>
    /// The record key of a row without its id: its UUID, else a hash of its content. The row still becomes a record,
    /// which the mapper rejects with the reason, so a broken row shows in <c>mlc rejects</c> instead of vanishing.
    /// </summary>
    public static string KeyOfRowWithoutId(JsonElement row, string uuidField) =>
        row.Text(uuidField) is { } uuid
            ? "uuid-" + uuid
            : "row-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.GetRawText())))[..16].ToLowerInvariant();
}
