using System.Text.Json;
using PurchaseOrder = MlConnector.Connectors.Procurify.ProcurifyFields.PurchaseOrder;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>A purchase order as the v2 list returned it (no lines), with the key and stamp the stream reads from it.</summary>
/// <param name="Id">Its <c>procurify_PO</c>.</param>
/// <param name="ModifiedAt">Its <c>last_modified</c>.</param>
public sealed record ListedPurchaseOrder(string Id, JsonElement Summary, DateTimeOffset? ModifiedAt)
{
    /// <summary>How many lines the order has (<c>item_count</c>); null when the list did not say.</summary>
    public int? ItemCount => Summary.Int(PurchaseOrder.ItemCount);
}
