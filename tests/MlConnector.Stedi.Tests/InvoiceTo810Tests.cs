using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.StediX3;
using MlConnector.Stedi.Tests.Support;

namespace MlConnector.Stedi.Tests;

public sealed class InvoiceTo810Tests
{
    [Fact]
    public async Task A_validated_invoice_becomes_an_810_the_guide_accepts_with_its_total_written_in_implied_cents()
    {
        await using var harness = await StediHarness.StartAsync();
        var mapped = await new InvoiceTo810Mapper(harness.Partners, harness.Guides).MapAsync(Record(Invoice("ACME-PO-7")), CancellationToken.None);
        var document = Assert.IsType<MapResult.MappedResult>(mapped).Document;

        await harness.Sink.WriteAsync(new WriteRequest("x3-stedi-invoices", "SI0007", "h1", null, false, "unused", document), CancellationToken.None);

        var interchange = Assert.Single(harness.Simulator.Store.Interchanges);
        Assert.Equal("x3-stedi-invoices:SI0007:h1", interchange.IdempotencyKey);
        var segments = interchange.Edi.Split('~');
        Assert.Contains("BIG*20250304*SI0007**ACME-PO-7***DI", segments);
        Assert.Contains("IT1*1000*3*EA*19.99*PE*VP*ITM-100", segments);
        Assert.Contains("TXI*ST*4.8", segments);
        Assert.Contains("TDS*6477", segments); // 59.97 + 4.80 = 64.77
        Assert.Contains("N1*BT*Acme Retail*92*" + StediHarness.Supplier, segments);
    }

    [Fact]
    public async Task An_invoice_without_the_customer_order_number_is_rejected_with_the_reason()
    {
        await using var harness = await StediHarness.StartAsync();

        var result = await new InvoiceTo810Mapper(harness.Partners, harness.Guides).MapAsync(Record(Invoice(null)), CancellationToken.None);

        Assert.Contains("quotes no customer order number (CUSORDREF)", Assert.IsType<MapResult.RejectedResult>(result).Reason, StringComparison.Ordinal);
    }

    private static X3SalesInvoice Invoice(string? customerOrder) => Invoices.Invoice(customerOrder);

    private static SourceRecord Record(X3SalesInvoice invoice) => Invoices.Record(invoice);
}
