using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Connectors.Jaggaer.Streams;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.JaggaerX3;
using MlConnector.Jaggaer.Tests.Support;
using MlConnector.Simulators.Jaggaer.Seeding;

namespace MlConnector.Jaggaer.Tests;

/// <summary>
/// What the connector reads from JAGGAER's real shapes: company profiles nested in their rows, envelopes without
/// <c>startAt</c>, documents keyed inside their <c>header</c>, and rows that lack their id.
/// </summary>
public sealed class JaggaerRealShapeReadingTests
{
    [Theory]
    [InlineData("returnCompanyInfo")]
    [InlineData("companyMaster")]
    public async Task A_supplier_sync_on_the_nested_shape_maps_every_supplier(string companyRowKey)
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 4, companyRowKey: companyRowKey);
        var scenario = harness.Simulator.Seed(new SeedRequest { Suppliers = 9, PurchaseOrders = 0 });
        var mapper = new JaggaerSupplierMapper(new InMemoryMappingTables(), new JaggaerX3Options());

        var records = await harness.ReadAllAsync(harness.Suppliers, since: null);

        Assert.Equal(scenario.SupplierCodes.Keys.Order(StringComparer.Ordinal), records.Select(record => record.Key).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(record, CancellationToken.None));
            Assert.Equal(scenario.SupplierCodes[record.Key], MlConnector.Core.CanonicalJson.FromElement<Supplier>(mapped.Document.Body).Code);
        }
    }

    [Fact]
    public async Task Paging_an_envelope_without_startAt_reads_every_row()
    {
        // Company-profile envelopes carry no startAt (GetCompanyDataResponse): 5 profiles, 2 to a page, are 3 pages.
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 2);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 5, PurchaseOrders = 0 });

        var pages = await harness.ListSuppliersAsync(JaggaerFilter.None);

        Assert.Equal([2, 2, 1], pages.Select(page => page.Rows.Count));
        Assert.Equal([1, 3, 5], pages.Select(page => page.Envelope.StartAt));
        Assert.Equal(["?start=1&comp=USER", "?start=3&comp=USER", "?start=5&comp=USER"], harness.ApiCalls().Select(call => call.Query));
    }

    [Fact]
    public async Task Purchase_orders_in_the_header_and_line_list_document_shape_become_one_record_each()
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 7);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 2, PurchaseOrders = 15, LinesPerOrder = 5 });
        var mapper = new JaggaerPurchaseOrderMapper(
            new InMemoryMappingTables(),
            new InMemoryReferenceData()
                .Add(ReferenceKind.Supplier, "JS0001", "JS0002")
                .Add(ReferenceKind.GlAccount, "60110", "60120", "60130")
                .Add(ReferenceKind.CostCentre, "CC100", "CC200"),
            new JaggaerX3Options { NonCatalogueItemCode = JaggaerSeedGenerator.NonCatalogueItem });

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(15, records.Count);
        var order = MlConnector.Core.CanonicalJson.FromElement<PurchaseOrder>(
            Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(records[0], CancellationToken.None)).Document.Body);
        var stored = harness.Simulator.Store.PurchaseOrder(long.Parse(records[0].Key, CultureInfo.InvariantCulture))!;
        Assert.Equal(stored.Lines.Select(line => line.CatalogNumber ?? JaggaerSeedGenerator.NonCatalogueItem), order.Lines.Select(line => line.ItemCode));
        Assert.Equal(stored.Lines.Select(line => line.UnitPrice), order.Lines.Select(line => line.UnitPrice));
        Assert.Contains(stored.Lines, line => line.CatalogNumber is null);
    }

    [Fact]
    public async Task Documents_keyed_inside_their_header_become_records_as_the_real_invoice_list_does()
    {
        // The shape of a real ji invoice list (UCLALibrary/jaggaer-api sample_data/invoice_list.json): 64 rows, each
        // nothing but a header. A resource keyed at the row's root reads none of them; keyed in the header, all 64.
        var rows = Enumerable.Range(0, 64).Select(i => JsonSerializer.SerializeToElement(new
        {
            header = new { invoiceId = 2_428_601 + i, invoiceNumber = $"I{i}", lastUpdate = $"2023-10-{5 + (i % 20):D2}T16:12:33.733Z" },
        })).ToList();

        var inHeader = await ReadAsync(Invoices("header.invoiceId", "header.lastUpdate", rows));
        var atRoot = await ReadAsync(Invoices("invoiceId", "lastUpdate", rows));

        Assert.Equal(64, inHeader.Select(record => record.Key).Distinct().Count());
        Assert.All(inHeader, record => Assert.Matches(@"^\d{7}$", record.Key));
        Assert.Equal(64, atRoot.Count);
        Assert.All(atRoot, record => Assert.StartsWith("row-", record.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_purchase_order_row_without_its_id_becomes_a_record_the_mapper_rejects_with_the_reason()
    {
        var row = JsonSerializer.SerializeToElement(new { header = new { poNumber = "JPO-1", lastUpdate = "2025-03-03T09:00:00.000Z" }, lineList = new { poLine = Array.Empty<object>() } });
        var stream = new JaggaerChangeStream(null!, JaggaerStreams.PurchaseOrders() with { List = (_, _, cancellationToken) => Pages([row], cancellationToken) });
        var mapper = new JaggaerPurchaseOrderMapper(new InMemoryMappingTables(), new InMemoryReferenceData(), new JaggaerX3Options());

        var record = Assert.Single(await ReadAsync(stream));
        var reason = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(record, CancellationToken.None)).Reason;

        Assert.StartsWith("row-", record.Key, StringComparison.Ordinal);
        Assert.Equal($"JAGGAER purchase order {record.Key} could not be read: The purchase order has no header.purchaseOrderId.", reason);
    }

    private static JaggaerChangeStream Invoices(string keyField, string stampField, List<JsonElement> rows) => new(
        null!,
        new JaggaerResource("ji-invoices", (_, _, cancellationToken) => Pages(rows, cancellationToken), row => row, keyField, stampField, "lastUpdate", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", null));

    private static async IAsyncEnumerable<JaggaerPage> Pages(IReadOnlyList<JsonElement> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new JaggaerPage(rows, new JaggaerEnvelope(0, string.Empty, rows.Count, rows.Count, 1));
    }

    private static async Task<List<SourceRecord>> ReadAsync(JaggaerChangeStream stream)
    {
        var records = new List<SourceRecord>();
        await foreach (var page in stream.ReadAsync(new StreamPosition(null, null), CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        return records;
    }
}
