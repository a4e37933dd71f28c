using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests;

public sealed class X3ToSpsInvoiceTests
{
    [Fact]
    public async Task A_validated_x3_invoice_of_an_sps_order_becomes_an_810_with_the_buyers_po_lines_and_x3_totals_under_a_name_fixed_by_its_version()
    {
        var mapper = new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive());

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None));
        var retried = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None));
        var changed = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v2"), CancellationToken.None));

        Assert.Equal(SpsRsxUploadSink.Kind, mapped.Document.Kind);
        Assert.StartsWith("IN_WMTALLTESTID_SI0001_", mapped.Document.ExternalReference, StringComparison.Ordinal);
        Assert.EndsWith(".json", mapped.Document.ExternalReference, StringComparison.Ordinal);
        Assert.Equal(mapped.Document.ExternalReference, retried.Document.ExternalReference);
        Assert.NotEqual(mapped.Document.ExternalReference, changed.Document.ExternalReference);
        var header = mapped.Document.Body.GetProperty("Header").GetProperty("InvoiceHeader");
        Assert.Equal("WMTALLTESTID", header.GetProperty("TradingPartnerId").GetString());
        Assert.Equal("SI0001", header.GetProperty("InvoiceNumber").GetString());
        Assert.Equal("4500101", header.GetProperty("PurchaseOrderNumber").GetString());
        Assert.Equal("2026-12-04", header.GetProperty("InvoiceDate").GetString());
        Assert.Equal("DR", header.GetProperty("InvoiceTypeCode").GetString());
        Assert.Equal("USD", header.GetProperty("BuyersCurrency").GetString());
        var lines = mapped.Document.Body.GetProperty("LineItem").EnumerateArray().Select(l => l.GetProperty("InvoiceLine")).ToList();
        Assert.Equal(["1", "2"], lines.Select(l => l.GetProperty("LineSequenceNumber").GetString()));
        Assert.Equal(["EA", "CA"], lines.Select(l => l.GetProperty("InvoiceQtyUOM").GetString()));
        Assert.Equal(51m, lines[0].GetProperty("ExtendedItemTotal").GetDecimal());
        var summary = mapped.Document.Body.GetProperty("Summary");
        Assert.Equal(51m + 18.6m, summary.GetProperty("TotalSalesAmount").GetDecimal());
        Assert.Equal(51m + 18.6m + 4.08m + 1.49m, summary.GetProperty("TotalAmount").GetDecimal());
        Assert.Equal(2, summary.GetProperty("TotalLineItemNumber").GetInt32());
    }

    [Fact]
    public async Task An_invoice_of_an_order_not_from_sps_is_refused_with_the_reason()
    {
        var rejected = Assert.IsType<MapResult.RejectedResult>(await new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive()).MapAsync(Record(Invoice(null), "v1"), CancellationToken.None));

        Assert.Contains("X3 sales invoice SI0001 invoices no order from SPS (its sales order SO0001 carries no trading partner~PO reference)", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_invoices_of_orders_carrying_an_sps_reference_are_read()
    {
        var inner = new ListStream(
            Record(Invoice("WMTALLTESTID~4500101"), "v1"),
            Record(Invoice(null) with { SalesOrderNumber = null }, "v1"),
            Record(Invoice("WEB-1001"), "v1"));
        var records = new List<SourceRecord>();
        await foreach (var page in new SpsOriginatedStream(inner, "orderExternalReference").ReadAsync(StreamPosition.Beginning, CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        Assert.Equal("WMTALLTESTID~4500101", CanonicalJson.FromElement<X3SalesInvoice>(Assert.Single(records).Payload).OrderExternalReference);
    }

    [Fact]
    public async Task Sps_accepts_the_810_and_refuses_an_invoice_without_its_number_with_a_problem_naming_the_field()
    {
        await using var harness = await SpsHarness.StartAsync();
        var sink = harness.Services.GetRequiredKeyedService<ITargetSink>(SpsRsxUploadSink.Kind);
        var good = Assert.IsType<MapResult.MappedResult>(await new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive()).MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None)).Document;

        var written = await sink.WriteAsync(new WriteRequest(SpsCommerceX3Flows.InvoicesName, "SI0001", "v1", null, false, "key-1", good), CancellationToken.None);

        Assert.Equal("in/" + good.ExternalReference, written.TargetId);
        Assert.Equal("in/" + good.ExternalReference, Assert.Single(harness.Simulator.Files.Files("in/")).Path);

        using var http = new HttpClient();
        var tokenBody = $"{{\"grant_type\":\"client_credentials\",\"client_id\":\"{harness.Simulator.Options.ClientId}\",\"client_secret\":\"{harness.Simulator.Options.ClientSecret}\",\"audience\":\"https://spscommerce.com\"}}";
        using var tokenResponse = await http.PostAsync(harness.Simulator.TokenAddress, new StringContent(tokenBody, Encoding.UTF8, "application/json"));
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri(harness.Simulator.BaseAddress, "transactions/v5/data/in/IN_bad.json"))
        {
            Content = new ByteArrayContent("""{"Header":{"InvoiceHeader":{"TradingPartnerId":"WMTALLTESTID","InvoiceDate":"2026-12-04"}},"LineItem":[]}"""u8.ToArray()),
        };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var refused = await http.SendAsync(upload);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Bad Request", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("Required property 'InvoiceNumber' is missing", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("$.Header.InvoiceHeader.InvoiceNumber", Assert.Single(problem.RootElement.GetProperty("context").EnumerateArray()).GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()));
        Assert.Single(harness.Simulator.Files.Files("in/"));
    }

    [Fact]
    public async Task The_orders_allowances_and_charges_are_billed_on_its_first_invoice_and_not_again_on_a_later_partial_invoice()
    {
        var archive = new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive();
        var order = new SalesOrder
        {
            SourceId = "WMTALLTESTID~4500101",
            CustomerOrderNumber = "4500101",
            Customer = new PartyReference("C0100", "WMTALLTESTID"),
            OrderDate = new DateOnly(2026, 12, 1),
            Currency = "USD",
            ChargesAllowances = [new ChargeAllowance(true, "D240", 25m, null, null, null, "Freight")],
            Lines = [new SalesOrderLine { LineNumber = 1000, ItemCode = "TEE-BLU-M", Quantity = 12, Unit = "UN", UnitPrice = 4.25m }],
        };
        await archive.SaveAsync(new MlConnector.Flows.SpsCommerceX3.Archive.ArchivedSpsOrder { OrderKey = order.SourceId, Order = order, AppliedAvailable = "1", AppliedFile = "f", X3Order = "SO0001" }, null, CancellationToken.None);
        var mapper = new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), archive);
        var sink = new SpsAnswerSink(new UploadedSink(), archive);

        var first = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Invoice("WMTALLTESTID~4500101"), "v1"), CancellationToken.None)).Document;
        await sink.WriteAsync(new WriteRequest(SpsCommerceX3Flows.InvoicesName, "SI0001", "v1", null, false, "key-1", first), CancellationToken.None);
        var second = Invoice("WMTALLTESTID~4500101") with { Invoice = Invoice("WMTALLTESTID~4500101").Invoice with { SourceId = "SI0002", Number = "SI0002" } };
        var later = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(second, "v1"), CancellationToken.None)).Document;

        Assert.Equal("D240", first.Body.GetProperty("Header").GetProperty("ChargesAllowances")[0].GetProperty("AllowChrgCode").GetString());
        Assert.Equal(51m + 18.6m + 4.08m + 1.49m + 25m, first.Body.GetProperty("Summary").GetProperty("TotalAmount").GetDecimal());
        Assert.False(later.Body.GetProperty("Header").TryGetProperty("ChargesAllowances", out _));
        Assert.Equal(51m + 18.6m + 4.08m + 1.49m, later.Body.GetProperty("Summary").GetProperty("TotalAmount").GetDecimal());
    }

    [Fact]
    public async Task Without_the_archived_order_the_810_names_x3s_units_through_the_uom_table_read_backwards()
    {
        var mappings = new InMemoryMappingTables().Add(MappingTableNames.UnitOfMeasure, "CA", "CS").Add(MappingTableNames.UnitOfMeasure, "EA", "UN");
        var invoice = Invoice("WMTALLTESTID~4500101") with { LineUnits = ["UN", "CS"] };

        var mapped = Assert.IsType<MapResult.MappedResult>(await new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), new MlConnector.Flows.SpsCommerceX3.Archive.InMemorySpsOrderArchive(), mappings)
            .MapAsync(Record(invoice, "v1"), CancellationToken.None)).Document;

        Assert.Equal(["EA", "CA"], mapped.Body.GetProperty("LineItem").EnumerateArray().Select(l => l.GetProperty("InvoiceLine").GetProperty("InvoiceQtyUOM").GetString()));
    }

    private sealed class UploadedSink : ITargetSink
    {
        public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new WriteResult("in/" + request.Document.ExternalReference, WriteAction.Created));
    }

    private static X3SalesInvoice Invoice(string? orderReference) => new(
        new Invoice
        {
            SourceId = "SI0001",
            Number = "SI0001",
            Supplier = new PartyReference("C0100", "Retailer"),
            PurchaseOrderNumber = "4500101",
            InvoiceDate = new DateOnly(2026, 12, 4),
            Currency = "USD",
            Lines =
            [
                new InvoiceLine { LineNumber = 1000, ItemCode = "TEE-BLU-M", Quantity = 12, UnitPrice = 4.25m, TaxAmount = 4.08m },
                new InvoiceLine { LineNumber = 2000, ItemCode = "SOCK-3PK", Quantity = 6, UnitPrice = 3.10m, TaxAmount = 1.49m },
            ],
        },
        ["UN", "CA"],
        IsValidated: true,
        SalesOrderNumber: "SO0001",
        OrderExternalReference: orderReference);

    private static SourceRecord Record(X3SalesInvoice invoice, string version) => new(invoice.Invoice.SourceId, version, null, CanonicalJson.ToElement(invoice));

    private sealed class ListStream(params SourceRecord[] records) : ISourceStream
    {
        public StreamDefinition Definition { get; } = new() { Name = "list", CursorField = "none" };

        public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return new SourcePage(records);
        }
    }
}
