using System.Globalization;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Finds the X3 order line a partner's line answers. Partners number lines their own way (Stedi's sample 855 uses
/// <c>item-1</c>), so: the assigned id (PO101, LIN01) when it is an X3 line number whose item agrees with any buyer's
/// part number (BP, IN, PI) given; else the part
/// ids (PO106/PO107… or LIN02/LIN03… pairs: buyer's, vendor's, UPC…) equal to the X3 item or mapped to it in the
/// <c>item-number</c> table; else the line at the same position when the partner sent as many lines as the order has.
/// </summary>
internal sealed class X3LineMatcher(PurchaseOrderSummary order, IMappingTables mappings)
{
    private const string ItemTable = "item-number";

    public async ValueTask<PurchaseOrderSummaryLine?> MatchAsync(string? assignedId, IReadOnlyList<(string? Qualifier, string Id)> ids, int position, int partnerLineCount, ISet<int> taken, CancellationToken cancellationToken)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        var buyerItems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (qualifier, id) in ids)
        {
            var mapped = await mappings.LookupAsync(ItemTable, id, cancellationToken);
            foreach (var item in new[] { id, mapped }.OfType<string>())
            {
                items.Add(item);
                if (qualifier is "BP" or "IN" or "PI")
                {
                    buyerItems.Add(item);
                }
            }
        }

        // A buyer's part number is our own item code: it must agree with the numbered line. The partner's own ids cannot contradict it.
        if (int.TryParse(assignedId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) &&
            order.Lines.FirstOrDefault(line => line.LineNumber == number) is { } numbered &&
            (buyerItems.Count == 0 || buyerItems.Contains(numbered.ItemCode)))
        {
            return numbered;
        }

        var byItem = order.Lines.Where(line => items.Contains(line.ItemCode)).ToList();
        if (byItem.Count > 0)
        {
            return byItem.FirstOrDefault(line => !taken.Contains(line.LineNumber)) ?? byItem[0];
        }

        var ordered = order.Lines.OrderBy(line => line.LineNumber).ToList();
        return partnerLineCount == ordered.Count && position < ordered.Count ? ordered[position] : null;
    }
}
