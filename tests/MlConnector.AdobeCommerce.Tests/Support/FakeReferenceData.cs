using MlConnector.Core.Mapping;

namespace MlConnector.AdobeCommerce.Tests.Support;

internal sealed class FakeReferenceData : IReferenceData
{
    public HashSet<string> Products { get; } = new(StringComparer.Ordinal);
    public HashSet<string> GlAccounts { get; } = new(StringComparer.Ordinal);

    public string Scope => "X3 folder SEED";

    public ValueTask<bool> ExistsAsync(ReferenceKind kind, string code, CancellationToken cancellationToken) =>
        ValueTask.FromResult(kind switch
        {
            ReferenceKind.Product => Products.Contains(code),
            ReferenceKind.GlAccount => GlAccounts.Contains(code),
            _ => true,
        });
}

internal sealed class FakeMappingTables : IMappingTables
{
    public Dictionary<(string Table, string Source), string> Entries { get; } = [];

    public ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Entries.TryGetValue((table, sourceValue), out var value) ? value : null);
}

internal sealed class FakePurchaseOrderLookup : IPurchaseOrderLookup
{
    public Dictionary<string, PurchaseOrderSummary> Orders { get; } = new(StringComparer.Ordinal);

    public ValueTask<PurchaseOrderSummary?> FindAsync(string purchaseOrderNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Orders.GetValueOrDefault(purchaseOrderNumber));
}
