using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.AdobeCommerceX3;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class InvoiceMapperTests
{
    private readonly CommerceStore _store = new(new AdobeCommerceSimulatorOptions());
    private readonly FakePurchaseOrderLookup _purchaseOrders = new();
    private readonly FakeMappingTables _mappings = new();
    private readonly FakeReferenceData _reference = new();
    private readonly AdobeCommerceOptions _options = new() { DefaultGlAccount = "60700000" };

    // Order: 2 x 250 + 4 x 75 = 800, shipping 40, discount 10 -> 830 excluding tax.
    private static PurchaseOrderSummary PurchaseOrder(decimal total = 830m) => new("PO-77", "SUP-ACME", "USD", total,
    [
        new PurchaseOrderSummaryLine(1, "DESK-100", 2, 250m),
        new PurchaseOrderSummaryLine(2, "CHAIR-RED-M", 4, 75m),
    ]);

    [Fact]
    public async Task Order_becomes_a_supplier_invoice_linked_to_the_purchase_order()
    {
        Arrange();
        _mappings.Entries[(MappingTableNames.ProductToGlAccount, "DESK-100")] = "60610000";

        var document = Assert.IsType<MapResult.MappedResult>(await MapAsync(Orders.Standard())).Document;
        var invoice = CanonicalJson.FromElement<Invoice>(document.Body);

        Assert.Equal("x3-supplier-invoice", document.Kind);
        Assert.Equal("000000123", document.ExternalReference);
        Assert.Equal("SUP-ACME", invoice.Supplier.Code);
        Assert.Equal("PO-77", invoice.PurchaseOrderNumber);
        Assert.Equal(new DateOnly(2025, 3, 3), invoice.InvoiceDate);
        Assert.Equal("USD", invoice.Currency);
        Assert.Collection(invoice.Lines,
            desk =>
            {
                Assert.Equal(("DESK-100", 2m, 250m, 41.25m, "60610000", 1), (desk.ItemCode, desk.Quantity, desk.UnitPrice, desk.TaxAmount, desk.GlAccount, desk.PurchaseOrderLine));
            },
            chair =>
            {
                // The configurable parent only: its child line would double the quantity.
                Assert.Equal(("CHAIR-RED-M", 4m, 75m, 24.75m, "60700000", 2), (chair.ItemCode, chair.Quantity, chair.UnitPrice, chair.TaxAmount, chair.GlAccount, chair.PurchaseOrderLine));
            });
        Assert.Equal(40m, invoice.ShippingAmount);
        Assert.Equal(10m, invoice.DiscountAmount);
        Assert.Equal(830m, invoice.TotalExcludingTax);
        Assert.Equal(66m, invoice.TotalTax);
    }

    [Fact]
    public async Task Mapping_the_same_order_twice_gives_the_same_document()
    {
        Arrange();
        var order = _store.AddOrder(Orders.Standard());
        var first = Assert.IsType<MapResult.MappedResult>(await MapAsync(order)).Document;
        var second = Assert.IsType<MapResult.MappedResult>(await MapAsync(order)).Document;

        Assert.Equal(first.ExternalReference, second.ExternalReference);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
    }

    [Fact]
    public async Task Order_without_a_po_number_is_rejected()
    {
        Arrange();
        var result = await MapAsync(Orders.Standard(poNumber: null));

        Assert.Equal("Order 000000123: no purchase order number (payment.po_number is empty; was it paid with the Purchase Order method?)", Reason(result));
    }

    [Fact]
    public async Task Po_number_can_come_from_a_configured_field()
    {
        Arrange();
        _options.PurchaseOrderNumberField = "customer_note";
        var order = _store.AddOrder(Orders.Standard(poNumber: null));
        order["customer_note"] = "PO-77";

        Assert.IsType<MapResult.MappedResult>(await MapAsync(order));
    }

    [Fact]
    public async Task Unknown_purchase_order_is_rejected_naming_the_folder()
    {
        Arrange();
        _purchaseOrders.Orders.Clear();

        Assert.Equal("Order 000000123: purchase order PO-77 not found in X3 folder SEED", Reason(await MapAsync(Orders.Standard())));
    }

    [Fact]
    public async Task Totals_outside_the_tolerance_are_rejected_with_both_amounts()
    {
        Arrange(PurchaseOrder(total: 800m));

        Assert.Equal(
            "Order 000000123: invoice total 830.00 USD (excluding tax) differs from purchase order PO-77 total 800.00 USD by 30.00, more than the tolerance of 0.01 (AmountTolerance 0.01, AmountTolerancePercent 0%)",
            Reason(await MapAsync(Orders.Standard())));
    }

    [Fact]
    public async Task Totals_within_the_percentage_tolerance_are_accepted()
    {
        Arrange(PurchaseOrder(total: 800m));
        _options.AmountTolerancePercent = 5;

        Assert.IsType<MapResult.MappedResult>(await MapAsync(Orders.Standard()));
    }

    [Fact]
    public async Task Unknown_products_and_gl_accounts_are_rejected_together()
    {
        Arrange();
        _reference.Products.Remove("CHAIR-RED-M");
        _mappings.Entries[(MappingTableNames.ProductToGlAccount, "DESK-100")] = "99999999";

        Assert.Equal(
            "Order 000000123: GL account 99999999 (for SKU DESK-100) does not exist in X3 folder SEED; product CHAIR-RED-M (SKU CHAIR-RED-M) does not exist in X3 folder SEED",
            Reason(await MapAsync(Orders.Standard())));
    }

    [Fact]
    public async Task Line_without_gl_mapping_or_default_is_rejected()
    {
        Arrange();
        _options.DefaultGlAccount = null;
        _mappings.Entries[(MappingTableNames.ProductToGlAccount, "DESK-100")] = "60610000";

        Assert.Equal(
            "Order 000000123: no GL account for SKU CHAIR-RED-M (add it to the product-glaccount table or set AdobeCommerce__DefaultGlAccount)",
            Reason(await MapAsync(Orders.Standard())));
    }

    private void Arrange(PurchaseOrderSummary? purchaseOrder = null)
    {
        _purchaseOrders.Orders["PO-77"] = purchaseOrder ?? PurchaseOrder();
        _reference.Products.UnionWith(["DESK-100", "CHAIR-RED-M"]);
        _reference.GlAccounts.UnionWith(["60610000", "60700000"]);
    }

    private Task<MapResult> MapAsync(SimulatedOrder order) => MapAsync(_store.AddOrder(order));

    private async Task<MapResult> MapAsync(System.Text.Json.Nodes.JsonObject order)
    {
        var mapper = new OrderToSupplierInvoiceMapper(_purchaseOrders, _mappings, _reference, Options.Create(_options));
        var payload = JsonDocument.Parse(order.ToJsonString()).RootElement.Clone();
        return await mapper.MapAsync(new SourceRecord((string)order["increment_id"]!, "v1", null, payload), CancellationToken.None);
    }

    private static string Reason(MapResult result) => Assert.IsType<MapResult.RejectedResult>(result).Reason;
}
