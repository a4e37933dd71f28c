namespace MlConnector.Core.Mapping;

/// <summary>
/// The target's master data a mapped document must point at (GL accounts, dimensions, suppliers, products),
/// so that the map stage can reject "GL account 6071 does not exist in X3 folder SEED" before any write.
/// </summary>
public interface IReferenceData
{
    /// <summary>Where the data lives, for messages: e.g. "X3 folder SEED".</summary>
    string Scope { get; }

    ValueTask<bool> ExistsAsync(ReferenceKind kind, string code, CancellationToken cancellationToken);
}

public enum ReferenceKind
{
    Supplier,
    GlAccount,
    CostCentre,
    Product,
    PurchaseOrder,
    Customer,
}
