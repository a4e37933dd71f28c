namespace MlConnector.Core.Mapping;

/// <summary>
/// Per-customer lookup tables (vendor -> supplier, cost code -> dimension, GL account, item number, trading
/// partner id). Readers see an entry added through the CLI within the cache lifetime.
/// </summary>
public interface IMappingTables
{
    ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken);
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
}
