using System.Globalization;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Connectors.AdobeCommerce.Orders;
using MlConnector.Core.Documents;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// The money of an order as Commerce totals it: lines, their tax, shipping and its tax, the discount, less what
/// was cancelled and what was paid by gift card, store credit or reward points. An invoice built from the lines
/// must come to <c>grand_total - total_canceled</c>; <see cref="Mismatch"/> says so with both numbers when it does not.
/// </summary>
internal static class InvoiceAmounts
{
    /// <summary>Tax on the billed part of a line: Commerce's own cancelled tax where it recorded it, else prorated.</summary>
    public static decimal LineTax(CommerceOrderItem item)
    {
        var tax = item.TaxAmount ?? 0;
        var ordered = item.QtyOrdered ?? 0;
        var canceled = item.QtyCanceled ?? 0;
        if (canceled <= 0 || ordered <= 0)
        {
            return tax;
        }

        return item.TaxCanceled is { } taxCanceled
            ? tax - taxCanceled
            : Math.Round(tax * (ordered - canceled) / ordered, 2, MidpointRounding.AwayFromZero);
    }

    public static decimal Shipping(CommerceOrder order) => (order.ShippingAmount ?? 0) - (order.ShippingCanceled ?? 0);

    /// <summary>Shipping tax follows the shipping amount when part of it was cancelled.</summary>
    public static decimal ShippingTax(CommerceOrder order)
    {
        var shipping = order.ShippingAmount ?? 0;
        var tax = order.ShippingTaxAmount ?? 0;
        return shipping > 0 && order.ShippingCanceled is > 0
            ? Math.Round(tax * Shipping(order) / shipping, 2, MidpointRounding.AwayFromZero)
            : tax;
    }

    /// <summary>
    /// The discount excluding tax: Commerce stores it negative, and with tax-inclusive prices it includes the tax
    /// part it recorded as <c>discount_tax_compensation_amount</c>.
    /// </summary>
    public static decimal Discount(CommerceOrder order) =>
        Math.Abs(order.DiscountAmount ?? 0) - (order.DiscountCanceled ?? 0) - (order.DiscountTaxCompensationAmount ?? 0);

    /// <summary>What the order asks to be paid: its grand total less what was cancelled.</summary>
    public static decimal? Due(CommerceOrder order) =>
        order.GrandTotal is { } grandTotal ? grandTotal - (order.TotalCanceled ?? 0) : null;

    public static string? Mismatch(Invoice invoice, CommerceOrder order, OrderPrepaidAmounts prepaid)
    {
        if (Due(order) is not { } due)
        {
            return "grand_total is missing, so the invoice cannot be checked against the order";
        }

        var difference = invoice.AmountDue - due;
        if (Math.Abs(difference) < 0.005m)
        {
            return null;
        }

        var canceled = order.TotalCanceled is > 0 ? string.Create(CultureInfo.InvariantCulture, $" less {order.TotalCanceled:0.00} cancelled") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"invoice total {invoice.AmountDue:0.00} {invoice.Currency} (lines {invoice.Lines.Sum(l => l.NetAmount):0.00}, tax {invoice.TotalTax:0.00} including shipping tax {invoice.ShippingTaxAmount:0.00}, " +
            $"shipping {invoice.ShippingAmount:0.00}, discount {invoice.DiscountAmount:0.00}, gift cards {prepaid.GiftCards:0.00}, store credit {prepaid.StoreCredit:0.00}, reward points {prepaid.RewardPoints:0.00}) " +
            $"does not equal the order's grand total {order.GrandTotal:0.00}{canceled} = {due:0.00} (difference {difference:0.00})");
    }
}
