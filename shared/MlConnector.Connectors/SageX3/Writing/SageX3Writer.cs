using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using Polly.Timeout;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// Creates and updates X3 records (api1 <c>$create</c> / <c>$edit</c>, or GraphQL mutations), never twice: after an ambiguous
/// failure (timeout, dropped connection) the record is looked up by its external reference before any new
/// create. Failures surface as <see cref="TargetWriteException"/> carrying X3's diagnoses.
/// </summary>
public sealed class SageX3Writer(IX3WriteSurface surface, SageX3Reader reader, IOptionsMonitor<SageX3Options> options, ILogger<SageX3Writer> logger)
{
    public Task<WriteResult> WritePurchaseOrderAsync(PurchaseOrder order, string externalReference, string? existingId, bool previousAttemptAmbiguous, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Closed)
        {
            return CloseOrderAsync(order, externalReference, existingId, cancellationToken);
        }

        return UpsertAsync(X3Entity.PurchaseOrder, $"purchase order {externalReference}", externalReference, existingId, previousAttemptAmbiguous,
            () => X3WriteBodies.PurchaseOrder(order, externalReference, settings), cancellationToken);
    }

    /// <summary>
    /// Creates (or, for a later version of the same order, updates) an X3 sales order. A cancelled order closes the
    /// X3 order it was written to; one never written has nothing to close and is refused.
    /// </summary>
    public async Task<WriteResult> WriteSalesOrderAsync(SalesOrder order, string externalReference, string? existingId, bool previousAttemptAmbiguous, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var what = $"sales order for customer PO {order.CustomerOrderNumber}";
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Closed)
        {
            var key = existingId ?? await GuardAsync(what, () => reader.FindKeyByExternalReferenceAsync(X3Entity.SalesOrder, externalReference, cancellationToken))
                ?? throw new TargetWriteException($"Customer PO {order.CustomerOrderNumber} was cancelled by the trading partner but was never created in {settings.Scope}: nothing to close.", isTransient: false);
            await GuardAsync(what, async () => { await surface.EditAsync(X3Entity.SalesOrder, key, new JsonObject { ["CLEFLG"] = 2 }, cancellationToken); return true; });
            return new WriteResult(key, WriteAction.Updated);
        }

        // An order found by its external reference may hold an earlier version (its create went unanswered): this
        // version's content goes onto it, where other documents would count as already present.
        var written = existingId ?? (previousAttemptAmbiguous
            ? await GuardAsync(what, () => reader.FindKeyByExternalReferenceAsync(X3Entity.SalesOrder, externalReference, cancellationToken))
            : null);
        return await UpsertAsync(X3Entity.SalesOrder, what, externalReference, written, previousAttemptAmbiguous,
            () => X3WriteBodies.SalesOrder(order, externalReference, settings), cancellationToken);
    }

    public Task<WriteResult> WriteSupplierInvoiceAsync(Invoice invoice, string externalReference, string? existingId, bool previousAttemptAmbiguous, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return UpsertAsync(X3Entity.SupplierInvoice, $"supplier invoice {invoice.Number}", externalReference, existingId, previousAttemptAmbiguous,
            () => X3WriteBodies.SupplierInvoice(invoice, externalReference, settings), cancellationToken);
    }

    /// <summary>Suppliers are keyed by their X3 code (BPSNUM): an existing code is updated, never duplicated.</summary>
    public async Task<WriteResult> WriteSupplierAsync(Supplier supplier, string externalReference, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var body = X3WriteBodies.Supplier(supplier, externalReference, settings);
        var current = await GuardAsync($"supplier {supplier.Code}", () => reader.FindRowAsync(X3Entity.Supplier, supplier.Code, cancellationToken));
        if (current is not null)
        {
            await EditChangedAsync(X3Entity.Supplier, $"supplier {supplier.Code}", supplier.Code, current, body, cancellationToken);
            return new WriteResult(supplier.Code, WriteAction.Updated);
        }

        return await UpsertAsync(X3Entity.Supplier, $"supplier {supplier.Code}", externalReference, null, previousAttemptAmbiguous: false, () => body, cancellationToken);
    }

    /// <summary>Records a trading partner's acknowledgment (855) on the X3 order it answers (PurchaseOrderNumber = POHNUM).</summary>
    public async Task<WriteResult> ConfirmPurchaseOrderAsync(OrderAcknowledgment acknowledgment, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var changes = new JsonObject
        {
            [settings.AcknowledgmentStatusField] = acknowledgment.Type.ToString(),
            [settings.AcknowledgmentDateField] = X3WriteBodies.Date(acknowledgment.AcknowledgedOn),
        };
        await GuardAsync($"acknowledgment of purchase order {acknowledgment.PurchaseOrderNumber}",
            async () => { await surface.EditAsync(X3Entity.PurchaseOrder, acknowledgment.PurchaseOrderNumber, changes, cancellationToken); return true; });
        return new WriteResult(acknowledgment.PurchaseOrderNumber, WriteAction.Updated);
    }

    /// <summary>Records goods received against an X3 order (856). The shipment id is the external reference, so a repeat is recognised.</summary>
    public async Task<WriteResult> RecordReceiptAsync(ShipNotice notice, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var order = await GuardAsync($"receipt {notice.ShipmentId}", () => reader.FindPurchaseOrderAsync(notice.PurchaseOrderNumber, cancellationToken))
            ?? throw new TargetWriteException($"Receipt {notice.ShipmentId}: purchase order {notice.PurchaseOrderNumber} does not exist in {settings.Scope}.", isTransient: false);
        return await UpsertAsync(X3Entity.Receipt, $"receipt {notice.ShipmentId}", notice.ShipmentId, null, previousAttemptAmbiguous: true,
            () => X3WriteBodies.Receipt(notice, order, settings), cancellationToken);
    }

    private async Task<WriteResult> CloseOrderAsync(PurchaseOrder order, string externalReference, string? existingId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var what = $"purchase order {externalReference}";
        var key = existingId ?? await GuardAsync(what, () => reader.FindKeyByExternalReferenceAsync(X3Entity.PurchaseOrder, externalReference, cancellationToken))
            ?? throw new TargetWriteException($"Purchase order {externalReference} is {order.Status.ToString().ToLowerInvariant()} at the source but was never created in {settings.Scope}: nothing to close.", isTransient: false);
        await GuardAsync(what, async () => { await surface.EditAsync(X3Entity.PurchaseOrder, key, new JsonObject { ["CLEFLG"] = 2 }, cancellationToken); return true; });
        return new WriteResult(key, WriteAction.Updated);
    }

    /// <summary>Documents that record one event once (a receipt per shipment): found again, they are the same document, never edited.</summary>
    private static readonly HashSet<X3Entity> RecordedOnce = [X3Entity.Receipt];

    private async Task<WriteResult> UpsertAsync(X3Entity entity, string what, string externalReference, string? existingId, bool previousAttemptAmbiguous, Func<JsonObject> body, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        if (existingId is not null)
        {
            var current = await GuardAsync(what, () => reader.FindRowAsync(entity, existingId, cancellationToken))
                ?? throw new TargetWriteException($"Cannot update {what}: X3 {info.ClassName} {existingId}, written earlier, no longer exists in {options.CurrentValue.Scope}.", isTransient: false);
            await EditChangedAsync(entity, what, existingId, current, body(), cancellationToken);
            return new WriteResult(existingId, WriteAction.Updated);
        }

        if (previousAttemptAmbiguous &&
            await GuardAsync(what, () => reader.FindKeyByExternalReferenceAsync(entity, externalReference, cancellationToken)) is { } found)
        {
            // An earlier attempt created it: this version's (nothing differs) or an older version's whose write was cut
            // off after X3 applied it (then this version's changes must still reach it).
            logger.LogInformation("X3 {Class} {Key} already carries external reference {Reference}; not creating it again.", info.ClassName, found, externalReference);
            if (RecordedOnce.Contains(entity))
            {
                return new WriteResult(found, WriteAction.AlreadyPresent);
            }

            var existing = await GuardAsync(what, () => reader.FindRowAsync(entity, found, cancellationToken))
                ?? throw new TargetWriteException($"X3 {info.ClassName} {found} carries external reference {externalReference} but could not be read back.", isTransient: true);
            return await EditChangedAsync(entity, what, found, existing, body(), cancellationToken)
                ? new WriteResult(found, WriteAction.Updated)
                : new WriteResult(found, WriteAction.AlreadyPresent);
        }

        try
        {
            return new WriteResult(await surface.CreateAsync(entity, body(), cancellationToken), WriteAction.Created);
        }
        catch (Exception failure) when (IsAmbiguous(failure, cancellationToken))
        {
            // X3 may have created it before the connection failed: look before anyone creates again.
            logger.LogWarning("Creating {What} in X3 ended without an answer ({Failure}); checking whether it was created.", what, failure.GetType().Name);
            string? key = null;
            try
            {
                key = await reader.FindKeyByExternalReferenceAsync(entity, externalReference, cancellationToken);
            }
            catch (Exception lookupFailure) when (lookupFailure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The follow-up lookup of {What} failed too ({Failure}).", what, lookupFailure.GetType().Name);
            }

            return key is not null
                ? new WriteResult(key, WriteAction.Created)
                : throw new TargetWriteException($"Creating {what} in X3 got no answer ({failure.Message}); it may have been created. The next attempt looks it up first.", isTransient: true, null, failure);
        }
        catch (SageX3ApiException refused)
        {
            throw Translate(what, refused);
        }
        catch (SageX3ConfigurationException misconfigured)
        {
            throw new TargetWriteException($"Cannot write {what}: {misconfigured.Message}", isTransient: false, null, misconfigured);
        }
    }

    /// <summary>Sends only what differs from X3's record, lines addressed by their identity; nothing when nothing differs.</summary>
    /// <summary>Edits what differs; false when the record already matched.</summary>
    private async Task<bool> EditChangedAsync(X3Entity entity, string what, string key, JsonObject current, JsonObject desired, CancellationToken cancellationToken)
    {
        var changes = await GuardAsync(what, () => Task.FromResult(X3LineChanges.Diff(X3Entities.All[entity], options.CurrentValue, current, desired)));
        if (changes.Count == 0)
        {
            logger.LogInformation("X3 {Class} {Key} already matches {What}; nothing to update.", X3Entities.All[entity].ClassName, key, what);
            return false;
        }

        return await GuardAsync(what, async () => { await surface.EditAsync(entity, key, changes, cancellationToken); return true; });
    }

    private async Task<T> GuardAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SageX3ApiException refused)
        {
            throw Translate(what, refused);
        }
        catch (SageX3ConfigurationException misconfigured)
        {
            throw new TargetWriteException($"Cannot write {what}: {misconfigured.Message}", isTransient: false, null, misconfigured);
        }
        catch (Exception failure) when (IsAmbiguous(failure, CancellationToken.None))
        {
            throw new TargetWriteException($"X3 did not answer while writing {what}: {failure.Message}", isTransient: true, null, failure);
        }
    }

    private static TargetWriteException Translate(string what, SageX3ApiException refused) =>
        new($"X3 refused {what}: {(refused.Diagnoses.Count > 0 ? string.Join("; ", refused.Diagnoses) : refused.Message)} (HTTP {refused.StatusCode})",
            refused.IsTransient, refused.StatusCode, refused);

    private static bool IsAmbiguous(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        HttpRequestException { StatusCode: null } => true,
        TimeoutRejectedException => true,
        TaskCanceledException or OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException => true,
        _ => false,
    };
}
