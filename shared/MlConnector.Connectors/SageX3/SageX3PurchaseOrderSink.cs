using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// Writes <c>x3-purchase-order</c> documents (a canonical <see cref="PurchaseOrder"/> already mapped to X3 codes):
/// creates the order carrying the source number as its external reference, updates it when the record was
/// written before, and closes it when the source cancelled or closed it.
/// </summary>
public sealed class SageX3PurchaseOrderSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-purchase-order";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        var order = CanonicalJson.FromElement<PurchaseOrder>(request.Document.Body);
        var reference = string.IsNullOrEmpty(request.Document.ExternalReference) ? order.Number : request.Document.ExternalReference;
        return writer.WritePurchaseOrderAsync(order, reference, request.ExistingTargetId, request.PreviousAttemptAmbiguous, cancellationToken);
    }
}

/// <summary>
/// Writes <c>x3-sales-order</c> documents (a canonical <see cref="SalesOrder"/> whose customer and items are X3 codes):
/// a trading partner's purchase order becomes an X3 sales order (SORDER) carrying the source key as its external reference.
/// </summary>
public sealed class SageX3SalesOrderSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-sales-order";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        var order = CanonicalJson.FromElement<SalesOrder>(request.Document.Body);
        var reference = string.IsNullOrEmpty(request.Document.ExternalReference) ? order.SourceId : request.Document.ExternalReference;
        return writer.WriteSalesOrderAsync(order, reference, request.ExistingTargetId, request.PreviousAttemptAmbiguous, cancellationToken);
    }
}

/// <summary>Writes <c>x3-supplier-invoice</c> documents (Supplier.Code = BPSNUM, PurchaseOrderNumber = POHNUM).</summary>
public sealed class SageX3SupplierInvoiceSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-supplier-invoice";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        var invoice = CanonicalJson.FromElement<Invoice>(request.Document.Body);
        var reference = string.IsNullOrEmpty(request.Document.ExternalReference) ? invoice.Number : request.Document.ExternalReference;
        return writer.WriteSupplierInvoiceAsync(invoice, reference, request.ExistingTargetId, request.PreviousAttemptAmbiguous, cancellationToken);
    }
}

/// <summary>Writes <c>x3-supplier</c> documents (a canonical <see cref="Supplier"/> whose Code is the X3 BPSNUM).</summary>
public sealed class SageX3SupplierSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-supplier";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        var supplier = CanonicalJson.FromElement<Supplier>(request.Document.Body);
        return writer.WriteSupplierAsync(supplier, request.Document.ExternalReference, cancellationToken);
    }
}

/// <summary>Writes <c>x3-order-confirmation</c> documents (an <see cref="OrderAcknowledgment"/>, 855) onto the X3 order.</summary>
public sealed class SageX3OrderConfirmationSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-order-confirmation";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        return writer.ConfirmPurchaseOrderAsync(CanonicalJson.FromElement<OrderAcknowledgment>(request.Document.Body), cancellationToken);
    }
}

/// <summary>Writes <c>x3-receipt</c> documents (a <see cref="ShipNotice"/>, 856) as X3 purchase receipts.</summary>
public sealed class SageX3ReceiptSink(SageX3Writer writer) : ITargetSink
{
    public const string Kind = "x3-receipt";

    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        SinkGuard.RequireKind(request, Kind);
        return writer.RecordReceiptAsync(CanonicalJson.FromElement<ShipNotice>(request.Document.Body), cancellationToken);
    }
}

internal static class SinkGuard
{
    public static void RequireKind(WriteRequest request, string kind)
    {
        if (request.Document.Kind != kind)
        {
            throw new TargetWriteException($"This sink writes '{kind}' documents, not '{request.Document.Kind}'.", isTransient: false);
        }
    }
}
