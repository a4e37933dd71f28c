namespace MlConnector.Connectors.Jaggaer.Streams;

/// <summary>The JAGGAER streams, declared in a few lines each over <see cref="JaggaerChangeStream"/>.</summary>
public static class JaggaerStreams
{
    /// <summary>Supplier company profiles changed since a time (<c>LASTMODTIME</c>), only sellers by default.</summary>
    public static JaggaerResource Suppliers(JaggaerOptions options) => new(
        JaggaerNames.SupplierStream,
        (client, filter, cancellationToken) => client.ListSuppliersAsync(filter, cancellationToken),
        JaggaerSupplierFields.ProfileOf,
        JaggaerSupplierFields.Id,
        JaggaerSupplierFields.LastModified,
        JaggaerSupplierFields.ChangeFilterField,
        JaggaerSupplierFields.ChangeFilterFormat,
        options.SupplierFilter);

    /// <summary>Purchase orders, with their lines, changed since a time (<c>lastUpdate</c>).</summary>
    public static JaggaerResource PurchaseOrders() => new(
        JaggaerNames.PurchaseOrderStream,
        (client, filter, cancellationToken) => client.ListPurchaseOrdersAsync(filter, cancellationToken),
        row => row,
        JaggaerPurchaseOrderFields.Id,
        JaggaerPurchaseOrderFields.LastUpdate,
        JaggaerPurchaseOrderFields.ChangeFilterField,
        JaggaerPurchaseOrderFields.ChangeFilterFormat,
        BaseFilter: null);
}
