using MlConnector.Core.Configuration;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>How JAGGAER suppliers and purchase orders become X3 records, beyond the mapping tables.</summary>
[ConfigurationSection(SectionName)]
public sealed class JaggaerX3Options
{
    public const string SectionName = "JaggaerX3";

    /// <summary>
    /// X3 supplier code for a JAGGAER supplier without a mapping row or an ERP code (<c>extCode</c>): this prefix and its
    /// JAGGAER id, e.g. <c>JG7001</c>. Default <c>JG</c>.
    /// </summary>
    public string SupplierCodePrefix { get; set; } = "JG";

    /// <summary>The line accounting segment (<c>internalName</c>) holding the GL account. Default <c>Account</c>.</summary>
    public string GlAccountSegment { get; set; } = "Account";

    /// <summary>The line accounting segment holding the cost centre. Default <c>CostCenter</c>.</summary>
    public string CostCentreSegment { get; set; } = "CostCenter";

    /// <summary>Reject a line without a cost centre segment. Default false: X3 takes the line without one.</summary>
    public bool RequireCostCentre { get; set; }

    /// <summary>X3 product for lines without a catalog number (free-text purchases); empty rejects such lines.</summary>
    public string? NonCatalogueItemCode { get; set; }

    /// <summary>Unit used when JAGGAER sends none. Default <c>UN</c>.</summary>
    public string DefaultUnit { get; set; } = "UN";

    /// <summary>X3 purchase site for the orders; empty lets the X3 sink use its default.</summary>
    public string? Site { get; set; }
}
