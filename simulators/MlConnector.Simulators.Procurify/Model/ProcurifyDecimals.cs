using System.Globalization;

namespace MlConnector.Simulators.Procurify.Model;

/// <summary>
/// The decimal fields of an order item as Procurify stores them (Django REST framework DecimalFields), so that a value
/// Procurify could never hold is refused where it enters, as Procurify refuses it, instead of breaking a later list.
/// Source: github.com/api-evangelist/procurify, openapi/procurify-order-items-api-openapi.yml, schema OrderItem:
/// price, tax_amount and shipping_amount <c>^-?\d{0,13}(?:\.\d{0,8})?$</c>, quantity <c>^-?\d{0,10}(?:\.\d{0,5})?$</c>,
/// total_cost <c>^-?\d{0,16}(?:\.\d{0,2})?$</c>. The messages are DRF's DecimalField messages.
/// </summary>
public static class ProcurifyDecimals
{
    private static readonly DecimalRule Money = new(13, 8);
    private static readonly DecimalRule Quantity = new(10, 5);
    private static readonly DecimalRule Total = new(16, 2);

    /// <summary>Field errors of one order item, DRF style (field -> messages); empty when Procurify would store it.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(SimOrderItem item)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "price", Money.Error(item.Price));
        Add(errors, "quantity", Quantity.Error(item.Quantity));
        Add(errors, "tax_amount", Money.Error(item.TaxAmount));
        Add(errors, "shipping_amount", Money.Error(item.ShippingAmount));
        if (errors.Count == 0)
        {
            Add(errors, "total_cost", Total.Error(decimal.Round(item.Quantity * item.Price + item.TaxAmount + item.ShippingAmount, 2)));
        }

        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }

    private sealed record DecimalRule(int WholeDigits, int DecimalPlaces)
    {
        public string? Error(decimal value)
        {
            var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
            var point = text.IndexOf('.', StringComparison.Ordinal);
            var whole = (point < 0 ? text : text[..point]).TrimStart('0').Length;
            var places = point < 0 ? 0 : text[(point + 1)..].TrimEnd('0').Length;
            if (whole + places > WholeDigits + DecimalPlaces)
            {
                return $"Ensure that there are no more than {WholeDigits + DecimalPlaces} digits in total.";
            }

            if (places > DecimalPlaces)
            {
                return $"Ensure that there are no more than {DecimalPlaces} decimal places.";
            }

            return whole > WholeDigits ? $"Ensure that there are no more than {WholeDigits} digits before the decimal point." : null;
        }
    }
}
