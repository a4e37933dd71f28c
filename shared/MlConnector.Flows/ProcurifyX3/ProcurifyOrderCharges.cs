using System.Globalization;
using MlConnector.Core.Documents;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// Carries a Procurify order's money into the X3 lines so that the X3 order totals what Procurify's does. PO-level
/// freight and other charges become lines of the configured X3 service items, a discount a line of negative price,
/// and the order's tax is spread over the lines' tax amounts (kept as Procurify's lines state it when they add up to
/// it, else in proportion to the line amounts, to the cent). A percentage tax is taken as what Procurify's total
/// implies, since Procurify does not publish the base it applies the percentage to.
/// </summary>
internal static class ProcurifyOrderCharges
{
    private const decimal Cent = 0.005m;

    public static IReadOnlyList<PurchaseOrderLine> Apply(ProcurifyOrder order, IReadOnlyList<PurchaseOrderLine> lines, ProcurifyX3Options options, List<string> problems)
    {
        var money = order.Money;
        var subtotal = lines.Sum(line => line.Quantity * line.UnitPrice);
        if (money.Subtotal is { } stated && Math.Abs(stated - subtotal) > Cent)
        {
            problems.Add($"{order.Label}'s lines add up to {Amount(subtotal)} but Procurify's subtotal is {Amount(stated)}: read the order again once Procurify has all its lines");
            return lines;
        }

        var discount = money.Discount?.AmountOn(subtotal) ?? 0m;
        var beforeTax = subtotal - discount + money.Freight + money.Other;
        var taxed = money.TaxOnLines ? lines : SpreadTax(order, lines, TaxOf(money, subtotal - discount, beforeTax), problems);
        var total = beforeTax + taxed.Sum(line => line.TaxAmount);
        if (money.Total is { } expected && Math.Abs(expected - total) > Cent)
        {
            problems.Add(
                $"{order.Label} would total {Amount(total)} in X3 (subtotal {Amount(subtotal)}, discount {Amount(discount)}, tax {Amount(total - beforeTax)}, " +
                $"freight {Amount(money.Freight)}, other {Amount(money.Other)}) but Procurify's total is {Amount(expected)}");
        }

        var next = lines.Count == 0 ? 1 : lines.Max(line => line.LineNumber) + 1;
        var charges = new List<PurchaseOrderLine>();
        AddCharge(charges, ref next, money.Freight, options.FreightItemCode, "Freight", nameof(ProcurifyX3Options.FreightItemCode), order, options, problems);
        AddCharge(charges, ref next, money.Other, options.OtherChargeItemCode, "Other charges", nameof(ProcurifyX3Options.OtherChargeItemCode), order, options, problems);
        AddCharge(charges, ref next, -discount, options.DiscountItemCode, $"Discount {money.Discount}", nameof(ProcurifyX3Options.DiscountItemCode), order, options, problems);
        return [.. taxed, .. charges];
    }

    /// <summary>The order's tax in money: a stated amount, else what Procurify's total leaves for it, else the percentage of the discounted subtotal.</summary>
    private static decimal TaxOf(ProcurifyOrderMoney money, decimal discountedSubtotal, decimal beforeTax) => money.Tax switch
    {
        { IsPercentage: false } amount => amount.Value,
        _ when money.Total is { } total => total - beforeTax,
        { } percentage => percentage.AmountOn(discountedSubtotal),
        null => 0m,
    };

    private static IReadOnlyList<PurchaseOrderLine> SpreadTax(ProcurifyOrder order, IReadOnlyList<PurchaseOrderLine> lines, decimal tax, List<string> problems)
    {
        if (tax < 0)
        {
            problems.Add($"{order.Label}'s total is {Amount(-tax)} less than its lines and charges before tax: check the order's amounts in Procurify");
            return lines;
        }

        if (Math.Abs(lines.Sum(line => line.TaxAmount) - tax) <= Cent)
        {
            return lines;
        }

        var amounts = lines.Select(line => line.Quantity * line.UnitPrice).ToList();
        var basis = amounts.Sum();
        if (basis == 0)
        {
            return tax == 0 ? [.. lines.Select(line => line with { TaxAmount = 0m })] : [.. lines.Select((line, i) => line with { TaxAmount = i == 0 ? tax : 0m })];
        }

        // Shares rounded down to the cent, the cents left over to the largest remainders: the parts add up to the tax exactly.
        var exact = amounts.Select(amount => tax * amount / basis).ToList();
        var shares = exact.Select(share => Math.Floor(share * 100m) / 100m).ToList();
        var left = (int)Math.Round((tax - shares.Sum()) * 100m);
        foreach (var index in Enumerable.Range(0, lines.Count).OrderByDescending(i => exact[i] - shares[i]).Take(left))
        {
            shares[index] += 0.01m;
        }

        return [.. lines.Select((line, i) => line with { TaxAmount = shares[i] })];
    }

    private static void AddCharge(
        List<PurchaseOrderLine> charges, ref int lineNumber, decimal amount, string? itemCode, string description, string setting, ProcurifyOrder order, ProcurifyX3Options options, List<string> problems)
    {
        if (amount == 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(itemCode))
        {
            problems.Add($"{order.Label} carries {description.ToLowerInvariant()} of {Amount(Math.Abs(amount))}: set {ProcurifyX3Options.SectionName}__{setting} to the X3 product it is ordered as");
            return;
        }

        charges.Add(new PurchaseOrderLine
        {
            LineNumber = lineNumber++,
            ItemCode = itemCode.Trim(),
            Description = description,
            Quantity = 1m,
            Unit = options.DefaultUnit,
            UnitPrice = amount,
            IsDiscount = amount < 0,
        });
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
