using MlConnector.Core.Configuration;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>How trading partners' RSX orders become X3 sales orders, beyond the mapping tables.</summary>
[ConfigurationSection(SectionName)]
public sealed class SpsCommerceX3Options
{
    public const string SectionName = "SpsCommerceX3";

    /// <summary>X3 sales site for every inbound order; empty uses <c>SageX3__DefaultSalesSite</c> / <c>SageX3__DefaultSite</c>.</summary>
    public string Site { get; set; } = string.Empty;

    /// <summary>Currency when the order has no <c>BuyersCurrency</c> (US retailers usually omit it). Default USD.</summary>
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>
    /// The X3 sales unit for RSX's <c>EA</c> (each) when the <c>uom</c> mapping table has no row for EA. Default UN; other
    /// RSX units go through the <c>uom</c> table and are passed unchanged when it has no row for them.
    /// </summary>
    public string EachUnit { get; set; } = "UN";

    /// <summary>
    /// How far the order's own <c>Summary.TotalAmount</c> may differ from its lines (with or without its allowances and
    /// charges, as retailers differ) before the order is rejected with both numbers. Default 0.01.
    /// </summary>
    public decimal TotalTolerance { get; set; } = 0.01m;

    /// <summary>
    /// Seconds a cancellation waits, inside one write attempt, for the original of its PO to reach X3 when both arrived
    /// together; after that the attempt fails and the queue retries it. Default 20.
    /// </summary>
    public int CancellationWaitSeconds { get; set; } = 20;

    /// <summary>
    /// The supplier's GS1 company prefix (6-12 digits) in the SSCC-18 carton labels of its ship notices (856). Default is
    /// GS1's example prefix 0614141: set your own before sending ship notices to a retailer.
    /// </summary>
    public string SsccCompanyPrefix { get; set; } = Sscc18.ExampleCompanyPrefix;
}
