namespace MlConnector.Core.Mapping;

/// <summary>
/// Per-customer lookup tables (vendor -> supplier, cost code -> dimension, GL account, item number, trading
/// partner id). Readers see an entry added through the CLI within the cache lifetime.
/// </summary>
public interface IMappingTables
{
    ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken);

    /// <summary>
    /// The table read backwards: the first source value (in ordinal order) that maps to <paramref name="targetValue"/>.
    /// Stores that cannot read backwards find nothing, and callers fall back as for an unmapped value.
    /// </summary>
    ValueTask<string?> ReverseLookupAsync(string table, string targetValue, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>The mapping table names every flow shares, so that CSV files and flows agree.</summary>
public static class MappingTableNames
{
    public const string VendorToSupplier = "vendor-supplier";
    public const string CostCodeToGlAccount = "costcode-glaccount";
    public const string DepartmentToCostCentre = "department-costcentre";
    public const string ItemNumber = "item-number";
    public const string TradingPartner = "trading-partner";
    public const string ProductToGlAccount = "product-glaccount";

    /// <summary>Units of measure: an EDI unit (RSX/X12 code, e.g. EA, CA) to the ERP's sales unit, read both ways.</summary>
    public const string UnitOfMeasure = "uom";

    /// <summary>A buyer's payment terms (their description, e.g. "2% 10 Net 31") to the ERP's payment terms code.</summary>
    public const string PaymentTerms = "payment-terms";

    /// <summary>An allowance or charge code (RSX AllowChrgCode, e.g. C310) to the ERP's invoicing element.</summary>
    public const string ChargeAllowance = "charge-allowance";
}
