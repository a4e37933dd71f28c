using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Connectors.AdobeCommerce.Orders;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// An Adobe Commerce order paid with a purchase order becomes an X3 supplier invoice linked to that X3 purchase
/// order: the supplier comes from the PO, each line's GL account from <c>product-glaccount</c> (or the default),
/// and the total must agree with the PO's within the configured tolerance. The result depends only on the order
/// and the reference data, so mapping the same order again gives the same document.
/// </summary>
public sealed class OrderToSupplierInvoiceMapper : IRecordMapper
{
    public const string DocumentKind = "x3-supplier-invoice";

    private readonly IPurchaseOrderLookup _purchaseOrders;
    private readonly IMappingTables _mappings;
    private readonly IReferenceData _reference;
    private readonly IOptions<AdobeCommerceOptions> _options;

    public OrderToSupplierInvoiceMapper(
        IPurchaseOrderLookup purchaseOrders,
        IMappingTables mappings,
        IReferenceData reference,
        IOptions<AdobeCommerceOptions> options)
    {
        _purchaseOrders = purchaseOrders;
        _mappings = mappings;
        _reference = reference;
        _options = options;
    }

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        CommerceOrder? order;
        try
        {
            order = record.Payload.Deserialize<CommerceOrder>(AdobeCommerceJson.Options);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"Order {record.Key}: the payload is not an Adobe Commerce order ({exception.Message})");
        }

        if (order is null)
        {
            return MapResult.Rejected($"Order {record.Key}: the payload is empty");
        }

        var options = _options.Value;
        var number = order.IncrementId ?? record.Key;
        var prefix = $"Order {number}: ";
        if (string.Equals(order.State, "canceled", StringComparison.OrdinalIgnoreCase))
        {
            return MapResult.Rejected(prefix + "the order is canceled, so no supplier invoice is created");
        }

        var poNumber = OrderJsonPath.ReadText(record.Payload, options.PurchaseOrderNumberField);
        if (poNumber is null)
        {
            return MapResult.Rejected(prefix + $"no purchase order number ({options.PurchaseOrderNumberField} is empty; was it paid with the Purchase Order method?)");
        }

        var purchaseOrder = await _purchaseOrders.FindAsync(poNumber, cancellationToken);
        if (purchaseOrder is null)
        {
            return MapResult.Rejected(prefix + $"purchase order {poNumber} not found in {_reference.Scope}");
        }

        var currency = order.OrderCurrencyCode ?? purchaseOrder.Currency;
        if (!string.Equals(currency, purchaseOrder.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return MapResult.Rejected(prefix + $"currency {currency} differs from purchase order {purchaseOrder.Number}'s currency {purchaseOrder.Currency}");
        }

        if (InvoiceDateOf(order, record) is not { } invoiceDate)
        {
            return MapResult.Rejected(prefix + "created_at is missing or not a date, and the delivery carried no time");
        }

        var tree = OrderItemTree.Build(order.Items);
        if (tree.Problems.Count > 0)
        {
            return MapResult.Rejected(prefix + string.Join("; ", tree.Problems));
        }

        var items = BillableItems.Select(tree);
        if (items.Count == 0)
        {
            return MapResult.Rejected(prefix + "the order has no lines to invoice (nothing ordered that was not cancelled)");
        }

        var problems = new List<string>();
        var lines = await MapLinesAsync(items, purchaseOrder, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return MapResult.Rejected(prefix + string.Join("; ", problems));
        }

        var prepaid = OrderPrepaidAmounts.Of(order);
        var invoice = new Invoice
        {
            SourceId = order.EntityId?.ToString(CultureInfo.InvariantCulture) ?? number,
            Number = number,

            // The supplier is the one X3 has on the purchase order; X3 knows its name. (Commerce's store_name is the
            // website/store/view path, "Main Website\nMain Website Store\n...", not a party.)
            Supplier = new PartyReference(purchaseOrder.SupplierCode, purchaseOrder.SupplierCode),
            PurchaseOrderNumber = purchaseOrder.Number,
            InvoiceDate = invoiceDate,
            Currency = purchaseOrder.Currency,
            Lines = lines,
            ShippingAmount = InvoiceAmounts.Shipping(order),
            ShippingTaxAmount = InvoiceAmounts.ShippingTax(order),
            DiscountAmount = InvoiceAmounts.Discount(order),
            PrepaidAmount = prepaid.Total,
        };

        if (InvoiceAmounts.Mismatch(invoice, order, prepaid) is { } mismatch)
        {
            return MapResult.Rejected(prefix + mismatch);
        }

        if (ToleranceProblem(invoice, purchaseOrder, options) is { } toleranceProblem)
        {
            return MapResult.Rejected(prefix + toleranceProblem);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Supplier invoice {number} for purchase order {purchaseOrder.Number} (supplier {purchaseOrder.SupplierCode}): {lines.Count} lines, {invoice.AmountDue:0.00} {invoice.Currency}");
        return MapResult.Mapped(new TargetDocument(DocumentKind, number, summary, CanonicalJson.ToElement(invoice)));
    }

    private async Task<List<InvoiceLine>> MapLinesAsync(
        IReadOnlyList<BillableItem> items,
        PurchaseOrderSummary purchaseOrder,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var scope = _reference.Scope;
        var usedPurchaseOrderLines = new HashSet<int>();
        var lines = new List<InvoiceLine>(items.Count);
        foreach (var billable in items)
        {
            var item = billable.Line.Item;
            var sku = billable.Sku;

            // A mapping of the SKU as ordered (a bundle's composite SKU) wins over one of the product's own SKU.
            var itemCode = (item.Sku != sku ? await _mappings.LookupAsync(MappingTableNames.ItemNumber, item.Sku ?? string.Empty, cancellationToken) : null)
                           ?? await _mappings.LookupAsync(MappingTableNames.ItemNumber, sku, cancellationToken)
                           ?? sku;
            if (!await _reference.ExistsAsync(ReferenceKind.Product, itemCode, cancellationToken))
            {
                problems.Add($"product {itemCode} (SKU {sku}) does not exist in {scope}");
            }

            var glAccount = await _mappings.LookupAsync(MappingTableNames.ProductToGlAccount, sku, cancellationToken) ?? _options.Value.DefaultGlAccount;
            if (string.IsNullOrWhiteSpace(glAccount))
            {
                problems.Add($"no GL account for SKU {sku} (add it to the {MappingTableNames.ProductToGlAccount} table or set AdobeCommerce__DefaultGlAccount)");
            }
            else if (!await _reference.ExistsAsync(ReferenceKind.GlAccount, glAccount, cancellationToken))
            {
                problems.Add($"GL account {glAccount} (for SKU {sku}) does not exist in {scope}");
            }

            var purchaseOrderLine = purchaseOrder.Lines.FirstOrDefault(line =>
                !usedPurchaseOrderLines.Contains(line.LineNumber) && string.Equals(line.ItemCode, itemCode, StringComparison.OrdinalIgnoreCase));
            if (purchaseOrderLine is not null)
            {
                usedPurchaseOrderLines.Add(purchaseOrderLine.LineNumber);
            }

            lines.Add(new InvoiceLine
            {
                LineNumber = lines.Count + 1,
                ItemCode = itemCode,
                Description = item.Name,
                Quantity = billable.Line.OpenQuantity,
                UnitPrice = item.Price ?? 0,
                TaxAmount = InvoiceAmounts.LineTax(item),
                TaxPercent = item.TaxPercent ?? 0,
                GlAccount = glAccount,
                PurchaseOrderLine = purchaseOrderLine?.LineNumber,
            });
        }

        return lines;
    }

    /// <summary>The larger of the absolute and the percentage allowance applies; both amounts exclude tax.</summary>
    private static string? ToleranceProblem(Invoice invoice, PurchaseOrderSummary purchaseOrder, AdobeCommerceOptions options)
    {
        var allowed = Math.Max(options.AmountTolerance, Math.Abs(purchaseOrder.TotalExcludingTax) * options.AmountTolerancePercent / 100m);
        var difference = Math.Abs(invoice.TotalExcludingTax - purchaseOrder.TotalExcludingTax);
        return difference <= allowed
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"invoice total {invoice.TotalExcludingTax:0.00} {invoice.Currency} (excluding tax) differs from purchase order {purchaseOrder.Number} total {purchaseOrder.TotalExcludingTax:0.00} {purchaseOrder.Currency} by {difference:0.00}, more than the tolerance of {allowed:0.00} (AmountTolerance {options.AmountTolerance:0.00}, AmountTolerancePercent {options.AmountTolerancePercent:0.##}%)");
    }

    /// <summary>
    /// <c>created_at</c> is "yyyy-MM-dd HH:mm:ss" UTC; the invoice date is its day. An order not saved yet (place
    /// hooks) has none: its day is when the delivery arrived, which the webhook source records on the record.
    /// </summary>
    private static DateOnly? InvoiceDateOf(CommerceOrder order, SourceRecord record) =>
        DateTime.TryParseExact(order.CreatedAt, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
            ? DateOnly.FromDateTime(created)
            : record.ModifiedAt is { } received ? DateOnly.FromDateTime(received.UtcDateTime) : null;
}
