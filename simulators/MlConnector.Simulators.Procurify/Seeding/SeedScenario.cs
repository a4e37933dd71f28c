namespace MlConnector.Simulators.Procurify.Seeding;

/// <summary>
/// What a seeded tenant needs on the X3 side, so an end-to-end test can seed X3 and the mapping tables:
/// the mapping rows (Procurify value -> X3 code) and the X3 reference codes that must exist, plus which
/// purchase orders are expected to be written and which rejected, and why.
/// </summary>
public sealed record SeedScenario
{
    /// <summary>Rows for the <c>vendor-supplier</c> mapping table: Procurify vendor id -> X3 supplier code.</summary>
    public required IReadOnlyDictionary<string, string> VendorToSupplier { get; init; }

    /// <summary>Rows for <c>costcode-glaccount</c>: Procurify account code -> X3 GL account.</summary>
    public required IReadOnlyDictionary<string, string> AccountCodeToGlAccount { get; init; }

    /// <summary>Rows for <c>department-costcentre</c>: Procurify department id -> X3 cost centre.</summary>
    public required IReadOnlyDictionary<string, string> DepartmentToCostCentre { get; init; }

    /// <summary>X3 suppliers (BPSUPPLIER) that must exist.</summary>
    public required IReadOnlyList<string> X3Suppliers { get; init; }

    /// <summary>X3 GL accounts that must exist. The invalid account codes are deliberately absent.</summary>
    public required IReadOnlyList<string> X3GlAccounts { get; init; }

    /// <summary>X3 cost centres (analytical dimension values) that must exist.</summary>
    public required IReadOnlyList<string> X3CostCentres { get; init; }

    /// <summary>X3 products the lines order (their Procurify SKUs) and the charge items.</summary>
    public required IReadOnlyList<string> X3Products { get; init; }

    /// <summary>The X3 products for PO-level freight, other charges and discounts (settings <c>ProcurifyX3__FreightItemCode</c>, ...).</summary>
    public required ChargeItems ChargeItems { get; init; }

    /// <summary>Procurify vendor ids with no mapping row and no matching <c>external_id</c>.</summary>
    public required IReadOnlyList<string> UnmappedVendorIds { get; init; }

    /// <summary>Procurify account codes with no mapping row and no X3 GL account of the same code.</summary>
    public required IReadOnlyList<string> InvalidAccountCodes { get; init; }

    /// <summary><c>procurify_PO</c> numbers expected to become X3 purchase orders.</summary>
    public required IReadOnlyList<string> MappablePurchaseOrders { get; init; }

    /// <summary><c>procurify_PO</c> numbers expected to be rejected, with the cause ("unmapped vendor" / "invalid account code").</summary>
    public required IReadOnlyDictionary<string, string> UnmappablePurchaseOrders { get; init; }

    /// <summary>Approved requisition numbers (all mappable).</summary>
    public required IReadOnlyList<string> ApprovedRequisitions { get; init; }

    public required string Currency { get; init; }
}

/// <summary>X3 products that order Procurify's PO-level money as lines.</summary>
public sealed record ChargeItems(string Freight, string OtherCharges, string Discount);
