using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core.Mapping;

namespace MlConnector.Connectors.SageX3;

/// <summary>
/// Whether a code exists in the X3 folder (GL account, dimension, supplier, product, purchase order), each answer
/// cached for <see cref="SageX3Options.ReferenceDataCacheLifetime"/> so that a batch does not ask X3 once per line,
/// while a code an accountant just added is seen within minutes.
/// </summary>
public sealed class SageX3ReferenceData(SageX3Reader reader, IOptionsMonitor<SageX3Options> options, TimeProvider time) : IReferenceData
{
    private readonly ConcurrentDictionary<(ReferenceKind Kind, string Code), (bool Exists, DateTimeOffset Until)> _cache = new();

    public string Scope => options.CurrentValue.Scope;

    public async ValueTask<bool> ExistsAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((kind, code), out var cached) && cached.Until > now)
        {
            return cached.Exists;
        }

        var exists = await reader.ExistsAsync(EntityOf(kind), code, cancellationToken);
        _cache[(kind, code)] = (exists, now + options.CurrentValue.ReferenceDataCacheLifetime);
        return exists;
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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind"),
    };

    private static string Label(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Supplier => "Supplier",
        ReferenceKind.GlAccount => "GL account",
        ReferenceKind.CostCentre => "Cost centre",
        ReferenceKind.Product => "Product",
        ReferenceKind.PurchaseOrder => "Purchase order",
        _ => kind.ToString(),
    };
}
