using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Core.Documents;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>One changed record: its X3 key, its UPDDATTIM / _updateStamp, and the canonical document.</summary>
public sealed record X3Change<T>(string Key, DateTimeOffset? UpdatedAt, T Document);

/// <summary>A page of changes; <paramref name="ResumeToken"/> is the next link or relay cursor after it.</summary>
public sealed record X3ChangePage<T>(IReadOnlyList<X3Change<T>> Items, string? ResumeToken);

/// <summary>
/// Reads X3 as canonical documents over whichever surface the mode selects (REST api1 or GraphQL), so the
/// documents are the same either way.
/// </summary>
public sealed class SageX3Reader(IX3RowSource rows, IOptionsMonitor<SageX3Options> options)
{
    private X3DocumentMapper Mapper => new(options.CurrentValue);

    public IAsyncEnumerable<X3ChangePage<PurchaseOrder>> ReadPurchaseOrdersAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.PurchaseOrder, changedSince, Mapper.PurchaseOrder, cancellationToken);

    public IAsyncEnumerable<X3ChangePage<Supplier>> ReadSuppliersAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.Supplier, changedSince, Mapper.Supplier, cancellationToken);

    public IAsyncEnumerable<X3ChangePage<Invoice>> ReadSupplierInvoicesAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.SupplierInvoice, changedSince, Mapper.SupplierInvoice, cancellationToken);

    /// <summary>Sales deliveries (SDELIVERY) as shipments: fulfilment status, carrier and tracking.</summary>
    public IAsyncEnumerable<X3ChangePage<Shipment>> ReadShipmentsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.Delivery, changedSince, Mapper.Shipment, cancellationToken);

    /// <summary>Sales orders (SORDER) changed since <paramref name="changedSince"/>, lines included.</summary>
    public IAsyncEnumerable<X3ChangePage<SalesOrder>> ReadSalesOrdersAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.SalesOrder, changedSince, Mapper.SalesOrder, cancellationToken);

    /// <summary>
    /// Customer (sales) invoices (SINVOICE), with whether X3 has validated (posted) them and, for an invoice of a sales
    /// order, the external reference that order carries (one lookup per distinct order and page).
    /// </summary>
    public async IAsyncEnumerable<X3ChangePage<X3SalesInvoice>> ReadSalesInvoicesAsync(DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadAsync(X3Entity.SalesInvoice, changedSince, Mapper.SalesInvoice, cancellationToken))
        {
            var references = new Dictionary<string, string?>(StringComparer.Ordinal);
            var items = new List<X3Change<X3SalesInvoice>>(page.Items.Count);
            foreach (var change in page.Items)
            {
                if (change.Document.SalesOrderNumber is not { } order)
                {
                    items.Add(change);
                    continue;
                }

                if (!references.TryGetValue(order, out var reference))
                {
                    var row = await rows.FindRowAsync(X3Entity.SalesOrder, X3Entities.All[X3Entity.SalesOrder].KeyField, order, cancellationToken);
                    reference = row is null ? null : X3Row.Text(row, options.CurrentValue.ExternalReferenceField);
                    references[order] = reference;
                }

                items.Add(change with { Document = change.Document with { OrderExternalReference = reference } });
            }

            yield return new X3ChangePage<X3SalesInvoice>(items, page.ResumeToken);
        }
    }

    public IAsyncEnumerable<X3ChangePage<ShipNotice>> ReadReceiptsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.Receipt, changedSince, Mapper.Receipt, cancellationToken);

    public IAsyncEnumerable<X3ChangePage<X3GlAccount>> ReadGlAccountsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.GlAccount, changedSince, X3DocumentMapper.GlAccount, cancellationToken);

    public IAsyncEnumerable<X3ChangePage<X3Dimension>> ReadDimensionsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.Dimension, changedSince, X3DocumentMapper.Dimension, cancellationToken);

    public IAsyncEnumerable<X3ChangePage<X3Product>> ReadProductsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        ReadAsync(X3Entity.Product, changedSince, X3DocumentMapper.Product, cancellationToken);

    /// <summary>The X3 purchase order with this POHNUM, lines included; null when none.</summary>
    public async Task<PurchaseOrder?> FindPurchaseOrderAsync(string number, CancellationToken cancellationToken) =>
        await rows.FindRowAsync(X3Entity.PurchaseOrder, "POHNUM", number, cancellationToken) is { } row ? Mapper.PurchaseOrder(row) : null;

    /// <summary>The X3 record of <paramref name="entity"/> carrying this external reference, as its key; null when none.</summary>
    public async Task<string?> FindKeyByExternalReferenceAsync(X3Entity entity, string externalReference, CancellationToken cancellationToken)
    {
        var row = await rows.FindRowAsync(entity, options.CurrentValue.ExternalReferenceField, externalReference, cancellationToken);
        return row is null ? null : KeyOf(entity, row);
    }

    /// <summary>The record as X3 has it (X3 field codes, lines with their identity); null when X3 has no such key.</summary>
    public Task<JsonObject?> FindRowAsync(X3Entity entity, string key, CancellationToken cancellationToken) =>
        rows.FindRowAsync(entity, X3Entities.All[entity].KeyField, key, cancellationToken);

    public async Task<bool> ExistsAsync(X3Entity entity, string key, CancellationToken cancellationToken) =>
        await rows.FindRowAsync(entity, X3Entities.All[entity].KeyField, key, cancellationToken) is not null;

    private async IAsyncEnumerable<X3ChangePage<T>> ReadAsync<T>(X3Entity entity, DateTimeOffset? changedSince, Func<JsonObject, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in rows.ReadRowsAsync(entity, changedSince, cancellationToken))
        {
            yield return new X3ChangePage<T>(page.Rows.Select(row => new X3Change<T>(KeyOf(entity, row), X3Row.Stamp(row), map(row))).ToList(), page.ResumeToken);
        }
    }

    private static string KeyOf(X3Entity entity, JsonObject row) => X3Row.Required(row, X3Entities.All[entity].KeyField);
}
