using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Writes an 856 as X3 purchase receipts, one per purchase order it covers, through the X3 receipt sink. Each receipt
/// carries its own external reference (the shipment id, or <c>{shipment}/{PO}</c> when the notice covers several
/// orders), and the receipt sink looks for it before creating, so a retry after a partial failure writes only the
/// receipts still missing.
/// </summary>
public sealed class ReceiptsPerOrderSink(ITargetSink receipts) : ITargetSink
{
    public const string Kind = "x3-receipts";

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Document.Kind != Kind)
        {
            throw new TargetWriteException($"This sink writes '{Kind}' documents, not '{request.Document.Kind}'.", isTransient: false);
        }

        var notices = CanonicalJson.FromElement<List<ShipNotice>>(request.Document.Body);
        var results = new List<WriteResult>();
        foreach (var notice in notices)
        {
            var document = new TargetDocument(SageX3ReceiptSink.Kind, notice.ShipmentId, $"receipt {notice.ShipmentId} for PO {notice.PurchaseOrderNumber}", CanonicalJson.ToElement(notice));
            results.Add(await receipts.WriteAsync(request with { ExistingTargetId = null, Document = document }, cancellationToken));
        }

        var action = results.All(r => r.Action == WriteAction.AlreadyPresent) ? WriteAction.AlreadyPresent : WriteAction.Created;
        return new WriteResult(string.Join(",", results.Select(r => r.TargetId)), action);
    }
}
