using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Validation;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// What X3 accepts in the documents this connector writes: codes and texts within their field lengths
/// (<see cref="X3FieldLengths"/>), quantities above zero, prices and amounts not negative and within X3's numeric
/// range, ISO 4217 currencies, and at least one line. A cancellation or closure only flags the X3 record, so its
/// lines are not checked. Documents of other kinds are not X3's to judge.
/// </summary>
public sealed class X3DocumentRules(IOptionsMonitor<SageX3Options> options) : ITargetDocumentRules
{
    public IEnumerable<string> Check(TargetDocument document)
    {
        var problems = new Problems(options.CurrentValue.FieldLengths);
        try
        {
            switch (document.Kind)
            {
                case SageX3PurchaseOrderSink.Kind:
                    PurchaseOrder(Read<PurchaseOrder>(document), problems);
                    break;
                case SageX3SalesOrderSink.Kind:
                    SalesOrder(Read<SalesOrder>(document), problems);
                    break;
                case SageX3SupplierInvoiceSink.Kind:
                    SupplierInvoice(Read<Invoice>(document), problems);
                    break;
                case SageX3SupplierSink.Kind:
                    Supplier(Read<Supplier>(document), problems);
                    break;
                case SageX3OrderConfirmationSink.Kind:
                    Confirmation(Read<OrderAcknowledgment>(document), problems);
                    break;
                case SageX3ReceiptSink.Kind:
                    Receipt(Read<ShipNotice>(document), problems);
                    break;
                default:
                    return [];
            }
        }
        catch (JsonException unreadable)
        {
            return [$"the {document.Kind} document cannot be read ({unreadable.Message})"];
        }

        return problems.All;
    }

    private static T Read<T>(TargetDocument document) => CanonicalJson.FromElement<T>(document.Body);

    private static void PurchaseOrder(PurchaseOrder order, Problems problems)
    {
        problems.Text("supplier", order.Supplier.Code, "BPSNUM", required: true);
        problems.Text("site", order.Site, "FCY");
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Closed)
        {
            return;
        }

        problems.Currency(order.Currency);
        problems.HasLines(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            var at = $"line {line.LineNumber}";
            problems.Text($"{at} product", line.ItemCode, "ITMREF", required: true);
            problems.Text($"{at} description", line.Description, "ITMDES");
            problems.Text($"{at} unit", line.Unit, "UOM");
            problems.Text($"{at} GL account", line.GlAccount, "ACC");
            problems.Text($"{at} cost centre", line.CostCentre, "CCE");
            problems.Quantity($"{at} quantity", line.Quantity);
            problems.Amount($"{at} unit price", line.IsDiscount ? -line.UnitPrice : line.UnitPrice, X3FieldLengths.PriceLimit);
            problems.Amount($"{at} tax", line.TaxAmount, X3FieldLengths.PriceLimit);
        }
    }

    private static void SalesOrder(SalesOrder order, Problems problems)
    {
        problems.Text("customer", order.Customer.Code, "BPCORD", required: true);
        problems.Text("customer order reference", order.CustomerOrderNumber, "CUSORDREF", required: true);
        problems.Text("site", order.Site, "FCY");
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Closed)
        {
            return;
        }

        problems.Currency(order.Currency);
        problems.HasLines(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            var at = $"line {line.LineNumber}";
            problems.Text($"{at} product", line.ItemCode, "ITMREF", required: true);
            problems.Text($"{at} description", line.Description, "ITMDES");
            problems.Text($"{at} unit", line.Unit, "UOM");
            problems.Quantity($"{at} quantity", line.Quantity);
            problems.Amount($"{at} unit price", line.UnitPrice, X3FieldLengths.PriceLimit);
        }
    }

    private static void SupplierInvoice(Invoice invoice, Problems problems)
    {
        problems.Text("supplier", invoice.Supplier.Code, "BPSNUM", required: true);
        problems.Text("invoice number", invoice.Number, "BPRVCR", required: true);
        problems.Text("purchase order", invoice.PurchaseOrderNumber, "POHNUM");
        problems.Currency(invoice.Currency);
        problems.Amount("shipping", invoice.ShippingAmount, X3FieldLengths.PriceLimit);
        problems.Amount("discount", invoice.DiscountAmount, X3FieldLengths.PriceLimit);
        problems.HasLines(invoice.Lines.Count);
        foreach (var line in invoice.Lines)
        {
            var at = $"line {line.LineNumber}";
            problems.Text($"{at} product", line.ItemCode, "ITMREF", required: true);
            problems.Text($"{at} description", line.Description, "ITMDES");
            problems.Text($"{at} GL account", line.GlAccount, "ACC");
            problems.Quantity($"{at} quantity", line.Quantity);
            problems.Amount($"{at} unit price", line.UnitPrice, X3FieldLengths.PriceLimit);
            problems.Amount($"{at} tax", line.TaxAmount, X3FieldLengths.PriceLimit);
            problems.Amount($"{at} tax rate", line.TaxPercent, 100.0001m);
        }
    }

    private static void Supplier(Supplier supplier, Problems problems)
    {
        problems.Text("supplier code", supplier.Code, "BPSNUM", required: true);
        problems.Text("supplier name", supplier.Name, "BPSNAM", required: true);
        problems.Text("tax number", supplier.TaxNumber, "CRN");
        if (supplier.Currency is not null)
        {
            problems.Currency(supplier.Currency);
        }
    }

    private static void Confirmation(OrderAcknowledgment acknowledgment, Problems problems)
    {
        problems.Text("purchase order", acknowledgment.PurchaseOrderNumber, "POHNUM", required: true);
        foreach (var line in acknowledgment.Lines)
        {
            // A rejected or back-ordered line may confirm nothing, but never less than nothing.
            problems.Amount($"line {line.LineNumber} quantity", line.Quantity, X3FieldLengths.QuantityLimit);
        }
    }

    private static void Receipt(ShipNotice notice, Problems problems)
    {
        problems.Text("purchase order", notice.PurchaseOrderNumber, "POHNUM", required: true);
        problems.HasLines(notice.Lines.Count);
        foreach (var line in notice.Lines)
        {
            var at = $"line {line.LineNumber}";
            problems.Text($"{at} product", line.ItemCode, "ITMREF", required: true);
            problems.Text($"{at} unit", line.Unit, "UOM");
            problems.Quantity($"{at} quantity", line.Quantity);
        }
    }

    /// <summary>The problems found so far, worded for the operator who reads the reject.</summary>
    private sealed class Problems(IReadOnlyDictionary<string, int> overrides)
    {
        private readonly List<string> _all = [];

        public IReadOnlyList<string> All => _all;

        public void Text(string label, string? value, string field, bool required = false)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    _all.Add($"{label} is empty");
                }

                return;
            }

            var limit = overrides.TryGetValue(field, out var custom) ? custom : X3FieldLengths.Standard[field];
            if (value.Length > limit)
            {
                _all.Add(string.Create(CultureInfo.InvariantCulture, $"{label} is {value.Length} characters long; X3 field {field} holds {limit}"));
            }
        }

        public void Quantity(string label, decimal quantity)
        {
            if (quantity <= 0)
            {
                _all.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {quantity} is not above zero"));
            }
            else if (quantity >= X3FieldLengths.QuantityLimit)
            {
                _all.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {quantity} is beyond what X3 stores (below {X3FieldLengths.QuantityLimit:N0})"));
            }
        }

        public void Amount(string label, decimal amount, decimal limit)
        {
            if (amount < 0)
            {
                _all.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {amount} is negative"));
            }
            else if (amount >= limit)
            {
                _all.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {amount} is beyond what X3 stores (below {limit:N0})"));
            }
        }

        public void Currency(string? code)
        {
            if (!CurrencyCodes.IsCurrent(code))
            {
                _all.Add($"currency '{code}' is not an ISO 4217 code of a currency in circulation");
            }
        }

        public void HasLines(int count)
        {
            if (count == 0)
            {
                _all.Add("the document has no lines");
            }
        }
    }
}
