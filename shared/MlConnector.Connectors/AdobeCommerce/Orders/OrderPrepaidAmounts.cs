using System.Globalization;
using System.Text.Json;
using MlConnector.Connectors.AdobeCommerce.Models;

namespace MlConnector.Connectors.AdobeCommerce.Orders;

/// <summary>
/// What the shopper paid before the order's payment method was charged: gift card accounts, store credit
/// (customer balance) and reward points. Commerce takes all three off <c>grand_total</c>. A saved order carries them
/// in <c>extension_attributes</c> (<c>gift_cards_amount</c>, <c>customer_balance_amount</c>,
/// <c>reward_currency_amount</c>: sales-data-order-extension-interface in admin-schema-2.4.8.yaml); a place-hook
/// payload carries the order model's own fields of the same names at the top level (Adobe's order placement
/// validation use case shows <c>gift_cards_amount</c> there).
/// </summary>
public sealed record OrderPrepaidAmounts(decimal GiftCards, decimal StoreCredit, decimal RewardPoints)
{
    public decimal Total => GiftCards + StoreCredit + RewardPoints;

    public static OrderPrepaidAmounts Of(CommerceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var extension = order.ExtensionAttributes is { ValueKind: JsonValueKind.Object } element ? element : (JsonElement?)null;
        return new OrderPrepaidAmounts(
            Amount(extension, "gift_cards_amount") ?? order.GiftCardsAmount ?? 0,
            Amount(extension, "customer_balance_amount") ?? order.CustomerBalanceAmount ?? 0,
            Amount(extension, "reward_currency_amount") ?? order.RewardCurrencyAmount ?? 0);
    }

    private static decimal? Amount(JsonElement? extension, string name)
    {
        if (extension is not { } element || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
