using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Stedi.Tests.Support;

internal static class Invoices
{
    /// <summary>A validated X3 customer invoice of the EDI customer: one line, tax on top.</summary>
    public static X3SalesInvoice Invoice(string? customerOrder = "ACME-PO-7", decimal quantity = 3, decimal unitPrice = 19.99m, decimal tax = 4.80m, string item = "ITM-100", string? salesOrder = null) => new(new Invoice
    {
        SourceId = "SI0007",
        Number = "SI0007",
        Supplier = new PartyReference(StediHarness.Supplier, "Acme Retail"),
        PurchaseOrderNumber = customerOrder,
        InvoiceDate = new DateOnly(2025, 3, 4),
        Currency = "USD",
        Lines = [new InvoiceLine { LineNumber = 1000, ItemCode = item, Description = "Bolt", Quantity = quantity, UnitPrice = unitPrice, TaxAmount = tax }],
    }, ["UN"], IsValidated: true, SalesOrderNumber: salesOrder);

    public static SourceRecord Record(X3SalesInvoice invoice) => new(invoice.Invoice.Number, "h1", null, CanonicalJson.ToElement(invoice));

    public static WriteRequest Write(TargetDocument document) => new("x3-stedi-invoices", "SI0007", "h1", null, false, "unused", document);
}
