namespace MlConnector.Simulators.Jaggaer.Seeding;

/// <summary>
/// What a seeded instance needs on the X3 side (the reference codes that must exist) and what a sync is expected
/// to do: which purchase orders are written and which rejected for an unknown GL account.
/// </summary>
public sealed record SeedScenario
{
    /// <summary>JAGGAER supplier id (<c>bravoId</c>) -> its ERP code (<c>extCode</c>), the X3 supplier code the sync creates.</summary>
    public required IReadOnlyDictionary<string, string> SupplierCodes { get; init; }

    /// <summary>X3 GL accounts that must exist; the unknown accounts are deliberately absent.</summary>
    public required IReadOnlyList<string> X3GlAccounts { get; init; }

    /// <summary>X3 cost centres (analytical dimension values) that must exist.</summary>
    public required IReadOnlyList<string> X3CostCentres { get; init; }

    /// <summary>X3 products the lines order (their JAGGAER catalog numbers).</summary>
    public required IReadOnlyList<string> X3Products { get; init; }

    /// <summary>GL account segments used on lines that X3 does not have.</summary>
    public required IReadOnlyList<string> UnknownGlAccounts { get; init; }

    /// <summary><c>purchaseOrderId</c>s expected to become X3 purchase orders on the first sync.</summary>
    public required IReadOnlyList<string> WritablePurchaseOrders { get; init; }

    /// <summary><c>purchaseOrderId</c>s expected to be rejected, with the unknown GL account each charges.</summary>
    public required IReadOnlyDictionary<string, string> RejectedPurchaseOrders { get; init; }

    /// <summary><c>purchaseOrderId</c> -> <c>poNumber</c>, the reference the X3 order carries.</summary>
    public required IReadOnlyDictionary<string, string> PoNumbers { get; init; }
}
