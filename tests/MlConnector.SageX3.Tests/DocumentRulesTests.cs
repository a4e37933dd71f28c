using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Validation;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>What X3 is never sent: quantities, prices and currencies it must not hold, codes longer than its fields.</summary>
public sealed class DocumentRulesTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;
    private ServiceProvider _connector = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SageX3Simulator.StartAsync();
        _connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["FieldLengths:ITMDES"] = "40" });
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private ITargetDocumentRules Rules => Assert.Single(_connector.GetServices<ITargetDocumentRules>());

    [Fact]
    public void A_sound_order_passes()
    {
        Assert.Empty(Rules.Check(Document(Order())));
    }

    [Theory]
    [InlineData(-5, 12.5, "USD", "line 1 quantity -5 is not above zero")]
    [InlineData(0, 12.5, "USD", "line 1 quantity 0 is not above zero")]
    [InlineData(3, -100, "USD", "line 1 unit price -100 is negative")]
    [InlineData(3, 12.5, "XXX", "currency 'XXX' is not an ISO 4217 code")]
    [InlineData(3, 12.5, "usd", "currency 'usd' is not an ISO 4217 code")]
    [InlineData(200_000_000_000, 12.5, "USD", "line 1 quantity 200000000000 is beyond what X3 stores")]
    [InlineData(3, 20_000_000_000, "USD", "line 1 unit price 20000000000 is beyond what X3 stores")]
    public void Nonsense_quantities_prices_and_currencies_are_refused_with_the_reason(decimal quantity, decimal price, string currency, string expected)
    {
        var order = Order() with { Currency = currency, Lines = [Order().Lines[0] with { Quantity = quantity, UnitPrice = price }] };

        Assert.Contains(Rules.Check(Document(order)), problem => problem.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_and_texts_longer_than_their_x3_fields_are_refused_and_a_customer_length_applies()
    {
        var order = Order() with
        {
            Supplier = new PartyReference(new string('S', 16), "Too long"),
            Lines = [Order().Lines[0] with { ItemCode = new string('I', 21), Description = new string('d', 1024 * 1024) }, Order().Lines[0] with { LineNumber = 2, Description = new string('d', 40) }],
        };

        var problems = Rules.Check(Document(order)).ToList();

        Assert.Contains("supplier is 16 characters long; X3 field BPSNUM holds 15", problems);
        Assert.Contains("line 1 product is 21 characters long; X3 field ITMREF holds 20", problems);
        Assert.Contains("line 1 description is 1048576 characters long; X3 field ITMDES holds 40", problems);
        Assert.DoesNotContain(problems, problem => problem.StartsWith("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_order_discount_line_may_carry_a_negative_price()
    {
        var discount = Order().Lines[0] with { LineNumber = 2, ItemCode = "DISCOUNT", Quantity = 1, UnitPrice = -57m, IsDiscount = true };
        var positiveDiscount = discount with { LineNumber = 3, UnitPrice = 57m };

        var problems = Rules.Check(Document(Order() with { Lines = [Order().Lines[0], discount, positiveDiscount] })).ToList();

        Assert.DoesNotContain(problems, problem => problem.StartsWith("line 2", StringComparison.Ordinal));
        Assert.Contains("line 3 unit price -57 is negative", problems);
    }

    [Fact]
    public void An_invoice_without_lines_or_with_a_negative_discount_is_refused()
    {
        var invoice = new Invoice
        {
            SourceId = "adobe-1",
            Number = "INV-1",
            Supplier = new PartyReference("S0001", "Acme"),
            InvoiceDate = new DateOnly(2026, 11, 20),
            Currency = "EUR",
            DiscountAmount = -3m,
            Lines = [],
        };

        var problems = Rules.Check(new TargetDocument(SageX3SupplierInvoiceSink.Kind, "INV-1", "invoice", CanonicalJson.ToElement(invoice))).ToList();

        Assert.Contains("the document has no lines", problems);
        Assert.Contains("discount -3 is negative", problems);
    }

    [Fact]
    public void A_cancellation_only_closes_the_x3_order_so_its_lines_are_not_judged()
    {
        var cancelled = Order() with { Status = PurchaseOrderStatus.Cancelled, Lines = [Order().Lines[0] with { Quantity = 0 }] };

        Assert.Empty(Rules.Check(Document(cancelled)));
    }

    [Fact]
    public void Documents_for_other_targets_are_not_judged_here()
    {
        Assert.Empty(Rules.Check(new TargetDocument("stedi-edi", "x", "x", CanonicalJson.ToElement(new { quantity = -5 }))));
    }

    private static TargetDocument Document(PurchaseOrder order) =>
        new(SageX3PurchaseOrderSink.Kind, order.Number, $"PO {order.Number}", CanonicalJson.ToElement(order));

    private static PurchaseOrder Order() => new()
    {
        SourceId = "9001",
        Number = "PROC-9001",
        Supplier = new PartyReference("S0001", "Acme Supplies"),
        OrderDate = new DateOnly(2026, 11, 20),
        Currency = "USD",
        Lines = [new PurchaseOrderLine { LineNumber = 1, ItemCode = "BOX-40", Description = "Shipping box 40 cm", Quantity = 3, Unit = "UN", UnitPrice = 12.5m, GlAccount = "6064" }],
    };
}
