using System.Text.RegularExpressions;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>
/// The one rule naming a JAGGAER supplier in X3, shared by the supplier flow (which creates it) and the purchase-order
/// flow (which points at it): the <c>vendor-supplier</c> mapping row for its JAGGAER id, else its ERP code
/// (<c>extCode</c> on the profile, <c>supplierNumber</c> on an order), else <see cref="JaggaerX3Options.SupplierCodePrefix"/>
/// and its id. X3 supplier codes (BPSNUM) are at most 15 letters, digits, dashes or underscores.
/// </summary>
internal static partial class JaggaerSupplierCodes
{
    public static async ValueTask<SupplierCode> ResolveAsync(
        IMappingTables mappings, string jaggaerId, string? erpCode, JaggaerX3Options options, CancellationToken cancellationToken)
    {
        var mapped = await mappings.LookupAsync(MappingTableNames.VendorToSupplier, jaggaerId, cancellationToken);
        var (code, origin) = !string.IsNullOrWhiteSpace(mapped) ? (mapped.Trim(), $"its {MappingTableNames.VendorToSupplier} mapping")
            : !string.IsNullOrWhiteSpace(erpCode) ? (erpCode.Trim().ToUpperInvariant(), "its JAGGAER ERP code")
            : (options.SupplierCodePrefix + jaggaerId, $"{JaggaerX3Options.SectionName}__{nameof(JaggaerX3Options.SupplierCodePrefix)} and its id");
        return X3SupplierCode().IsMatch(code)
            ? new SupplierCode(code, origin, null)
            : new SupplierCode(code, origin, $"'{code}' (from {origin}) is not a valid X3 supplier code (at most 15 letters, digits, '-' or '_'): add a {MappingTableNames.VendorToSupplier} mapping for JAGGAER supplier {jaggaerId}");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,15}$")]
    private static partial Regex X3SupplierCode();
}

/// <param name="Origin">Where the code came from, for messages.</param>
/// <param name="Problem">Why the code cannot be used; null when it can.</param>
internal sealed record SupplierCode(string Code, string Origin, string? Problem);
