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

    /// <summary>The X3 sales unit for RSX's <c>EA</c> (each). Default UN; other RSX units are passed through unchanged.</summary>
    public string EachUnit { get; set; } = "UN";
}
