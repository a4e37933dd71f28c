using MlConnector.Core.Configuration;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>How Procurify orders become X3 purchase orders, beyond the mapping tables.</summary>
[ConfigurationSection(SectionName)]
public sealed class ProcurifyX3Options
{
    public const string SectionName = "ProcurifyX3";

    /// <summary>When a vendor has no mapping row, use its Procurify <c>external_id</c> if that is an X3 supplier code. Default true.</summary>
    public bool MatchVendorExternalId { get; set; } = true;

    /// <summary>Reject a line whose department has no X3 cost centre. Default true; false leaves the cost centre empty.</summary>
    public bool RequireCostCentre { get; set; } = true;

    /// <summary>X3 product for lines without a SKU (free-text purchases); empty rejects such lines.</summary>
    public string? NonCatalogueItemCode { get; set; }

    /// <summary>Unit used when Procurify sends none. Default <c>UN</c>.</summary>
    public string DefaultUnit { get; set; } = "UN";

    /// <summary>
    /// X3 product (a non-stock service) that orders PO-level freight, and a requisition's line shipping, as a line of its
    /// own. Empty rejects an order that carries freight, with this setting named.
    /// </summary>
    public string? FreightItemCode { get; set; }

    /// <summary>X3 product that orders a PO's <c>other</c> charges as a line. Empty rejects an order that carries them.</summary>
    public string? OtherChargeItemCode { get; set; }

    /// <summary>X3 product that takes a PO-level discount as a line of negative price. Empty rejects an order with a discount.</summary>
    public string? DiscountItemCode { get; set; }

    /// <summary>X3 purchase site for the orders; empty lets the X3 sink use its default.</summary>
    public string? Site { get; set; }
}
