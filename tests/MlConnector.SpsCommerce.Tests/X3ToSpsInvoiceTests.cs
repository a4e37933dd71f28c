using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.SpsCommerceX3;

namespace MlConnector.SpsCommerce.Tests;

public sealed class X3ToSpsInvoiceTests
{
    [Fact]
    public async Task An_x3_invoice_of_an_sps_order_becomes_an_810_with_the_buyers_po_lines_and_x3_totals()
    {
        var mapper = new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options());

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None));
        var retried = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None));

        Assert.Equal(SpsRsxUploadSink.Kind, mapped.Document.Kind);
        Assert.StartsWith("IN_WMTALLTESTID_SI0001_", mapped.Document.ExternalReference, StringComparison.Ordinal);
        Assert.Equal(mapped.Document.ExternalReference, retried.Document.ExternalReference);
        var header = mapped.Document.Body.GetProperty("Header").GetProperty("InvoiceHeader");
        Assert.Equal("WMTALLTESTID", header.GetProperty("TradingPartnerId").GetString());
        Assert.Equal("SI0001", header.GetProperty("InvoiceNumber").GetString());
        Assert.Equal("4500101", header.GetProperty("PurchaseOrderNumber").GetString());
        Assert.Equal("2026-12-04", header.GetProperty("InvoiceDate").GetString());
        Assert.Equal("DR", header.GetProperty("InvoiceTypeCode").GetString());
        var line = Assert.Single(mapped.Document.Body.GetProperty("LineItem").EnumerateArray()).GetProperty("InvoiceLine");
        Assert.Equal("EA", line.GetProperty("InvoiceQtyUOM").GetString());
        Assert.Equal(51m, line.GetProperty("ExtendedItemTotal").GetDecimal());
        var summary = mapped.Document.Body.GetProperty("Summary");
        Assert.Equal(55.08m, summary.GetProperty("TotalAmount").GetDecimal());
        Assert.Equal(51m, summary.GetProperty("TotalSalesAmount").GetDecimal());
    }

    [Fact]
    public async Task An_invoice_of_an_order_not_from_sps_is_refused_with_the_reason()
    {
        var rejected = Assert.IsType<MapResult.RejectedResult>(await new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options()).MapAsync(Record(Invoice(null), "v1"), CancellationToken.None));

        Assert.Contains("X3 sales invoice SI0001 invoices no order from SPS", rejected.Reason, StringComparison.Ordinal);
    }

    private static SalesInvoice Invoice(string? orderReference) => new()
    {
        SourceId = "SI0001",
        Number = "SI0001",
        Customer = new PartyReference("C0100", "Retailer"),
        InvoiceDate = new DateOnly(2026, 12, 4),
        Currency = "USD",
        SalesOrderNumber = "SO0001",
        CustomerOrderNumber = "4500101",
        OrderExternalReference = orderReference,
        TotalExcludingTax = 51m,
        TotalIncludingTax = 55.08m,
        Lines = [new SalesOrderLine { LineNumber = 1000, ItemCode = "TEE-BLU-M", Quantity = 12, Unit = "UN", UnitPrice = 4.25m }],
    };

    private static SourceRecord Record(SalesInvoice invoice, string version) => new(invoice.SourceId, version, null, CanonicalJson.ToElement(invoice));
}
