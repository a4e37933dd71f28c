using MlConnector.Core.Documents;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// One version of a trading partner's PO as the <c>sps-x3</c> flow writes it: the X3-ready order, the RSX purpose code
/// (00 original, 01 cancellation, 04 change, 05 replace...), the file it came in and where that file stood in the order
/// SPS made files available (<see cref="Available"/> sorts as text), so versions of one PO apply oldest first.
/// </summary>
public sealed record SpsOrderVersion(SalesOrder Order, string TradingPartnerId, string PurposeCode, string File, string Available)
{
    public const string Kind = "sps-x3-sales-order";

    public string OrderKey => Order.ExternalReference ?? Order.SourceId;
}
