using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core.Mapping;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// Whether a code exists in the X3 folder (GL account, dimension, supplier, product, purchase order), each answer
/// cached for <see cref="SageX3Options.ReferenceDataCacheLifetime"/> so that a batch does not ask X3 once per line,
/// while a code an accountant just added is seen within minutes. Concurrent questions about the same code share one
/// request: the write workers map many records at once, and would otherwise all miss the cache together.
/// </summary>
public sealed class SageX3ReferenceData(SageX3Reader reader, IOptionsMonitor<SageX3Options> options, TimeProvider time) : IReferenceData
{
    private readonly ConcurrentDictionary<(ReferenceKind Kind, string Code), Answer> _cache = new();

    public string Scope => options.CurrentValue.Scope;

    public async ValueTask<bool> ExistsAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        var key = (kind, code);
        var now = time.GetUtcNow();
        var fresh = new Answer(new Lazy<Task<bool>>(() => reader.ExistsAsync(EntityOf(kind), code, CancellationToken.None)), now + options.CurrentValue.ReferenceDataCacheLifetime);
        var answer = _cache.AddOrUpdate(key, fresh, (_, cached) => cached.Until > now ? cached : fresh);
        try
        {
            // The shared request is not cancelled with one caller: the others still wait on it.
            return await answer.Exists.Value.WaitAsync(cancellationToken);
        }
        catch when (answer.Exists.Value.IsFaulted || answer.Exists.Value.IsCanceled)
        {
            // A failed lookup is not an answer: the next question asks X3 again.
            _cache.TryRemove(KeyValuePair.Create(key, answer));
            throw;
        }
    }

    /// <summary>"GL account 6071 does not exist in X3 folder SEED": the rejection reason a person can act on.</summary>
    public string DescribeMissing(ReferenceKind kind, string code) => $"{Label(kind)} {code} does not exist in {Scope}";

    private static X3Entity EntityOf(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Supplier => X3Entity.Supplier,
        ReferenceKind.GlAccount => X3Entity.GlAccount,
        ReferenceKind.CostCentre => X3Entity.Dimension,
        ReferenceKind.Product => X3Entity.Product,
        ReferenceKind.PurchaseOrder => X3Entity.PurchaseOrder,
        ReferenceKind.Customer => X3Entity.Customer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind"),
    };

    private static string Label(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Supplier => "Supplier",
        ReferenceKind.GlAccount => "GL account",
        ReferenceKind.CostCentre => "Cost centre",
        ReferenceKind.Product => "Product",
        ReferenceKind.PurchaseOrder => "Purchase order",
        ReferenceKind.Customer => "Customer",
        _ => kind.ToString(),
    };

    private sealed record Answer(Lazy<Task<bool>> Exists, DateTimeOffset Until);
}
