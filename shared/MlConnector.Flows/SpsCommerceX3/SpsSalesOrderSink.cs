using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// Writes one version of a trading partner's PO (<see cref="SpsOrderVersion"/>) to X3 so that the versions of a PO apply in
/// the order SPS made them available, whichever queue message arrives first: under a lock per PO, a version older than
/// the one already applied is recorded as superseded (written, <see cref="WriteAction.AlreadyPresent"/>, X3 untouched); a
/// change or replace (04/05) carries the whole order and creates or updates it; a cancellation (01) closes it, waiting a
/// little for an original that arrived with it. The applied version is archived whole (<see cref="ISpsOrderArchive"/>),
/// with the X3 order number, for the 855/856/810 to echo.
/// </summary>
public sealed class SpsSalesOrderSink(SageX3Writer writer, ISpsOrderArchive archive, SpsCommerceX3Options options, TimeProvider time, ILogger<SpsSalesOrderSink> logger) : ITargetSink
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        if (request.Document.Kind != SpsOrderVersion.Kind)
        {
            throw new TargetWriteException($"This sink writes '{SpsOrderVersion.Kind}' documents, not '{request.Document.Kind}'.", isTransient: false);
        }

        var version = CanonicalJson.FromElement<SpsOrderVersion>(request.Document.Body);
        var key = version.OrderKey;
        var deadline = time.GetUtcNow().AddSeconds(options.CancellationWaitSeconds);
        while (true)
        {
            var gate = Locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                var (archived, etag) = await archive.ReadAsync(key, cancellationToken);
                if (archived is not null && archived.AppliedFile != version.File && string.CompareOrdinal(archived.AppliedAvailable, version.Available) > 0)
                {
                    logger.LogInformation("{File} (PO {Key}) was superseded by {Applied}, made available after it and already applied to X3 {Order}", version.File, key, archived.AppliedFile, archived.X3Order);
                    return new WriteResult(archived.X3Order ?? key, WriteAction.AlreadyPresent);
                }

                var cancelling = version.Order.Status == PurchaseOrderStatus.Cancelled;
                if (!cancelling || archived?.X3Order is not null || time.GetUtcNow() >= deadline)
                {
                    return await ApplyAsync(version, archived, etag, request, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }

            // A cancellation whose original has not reached X3 yet (both arrived in one listing): give it a moment.
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }
    }

    private async Task<WriteResult> ApplyAsync(SpsOrderVersion version, ArchivedSpsOrder? archived, string? etag, WriteRequest request, CancellationToken cancellationToken)
    {
        WriteResult result;
        try
        {
            result = await writer.WriteSalesOrderAsync(version.Order, version.OrderKey, archived?.X3Order, request.PreviousAttemptAmbiguous || archived is null, cancellationToken);
        }
        catch (TargetWriteException refused) when (version.Order.Status == PurchaseOrderStatus.Cancelled && !refused.IsTransient && archived?.X3Order is null)
        {
            throw new TargetWriteException($"{refused.Message} The cancellation is retried by the queue in case its original is still on the way.", isTransient: true, refused.StatusCode, refused);
        }

        // A cancellation may come without lines: the archive keeps the order as it was, marked cancelled.
        var order = version.Order.Lines.Count == 0 && archived is not null ? archived.Order with { Status = version.Order.Status } : version.Order;
        var next = (archived ?? new ArchivedSpsOrder { OrderKey = version.OrderKey, Order = order, AppliedAvailable = version.Available, AppliedFile = version.File }) with
        {
            Order = order,
            AppliedAvailable = version.Available,
            AppliedFile = version.File,
            X3Order = result.TargetId,
        };
        try
        {
            await archive.SaveAsync(next, etag, cancellationToken);
        }
        catch (SpsArchiveConflictException conflict)
        {
            throw new TargetWriteException(conflict.Message + " The write is retried.", isTransient: true, null, conflict);
        }

        return result;
    }
}
