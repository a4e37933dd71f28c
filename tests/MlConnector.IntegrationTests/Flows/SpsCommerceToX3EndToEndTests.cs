using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Flows.SpsCommerceX3.Archive;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Simulators.SpsCommerce.Seeding;

namespace MlConnector.IntegrationTests.Flows;

[Collection(AzuriteCollection.Name)]
public sealed class SpsCommerceToX3EndToEndTests(AzuriteFixture azurite)
{
    private const string Flow = SpsCommerceX3Flows.OrdersName;

    [Fact]
    public async Task Partner_orders_land_once_as_x3_sales_orders_rejects_wait_for_their_mapping_and_the_folder_is_emptied()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["SpsCommerce:PageSize"] = "4" });
        var scenario = await harness.Sandbox.SeedSpsAsync(
            new OrderSeedRequest { Orders = 9, UnknownPartnerOrders = 2, UnknownItemOrders = 1, MalformedFiles = 1 }, harness.Mappings, CancellationToken.None);

        var first = await harness.SyncAsync(Flow);

        Assert.Equal(13, first.Enqueued);
        Assert.Equal(scenario.WritableOrders.Select(PoNumber).Order(StringComparer.Ordinal), SalesOrderNumbers(harness).Order(StringComparer.Ordinal));
        Assert.All(harness.Sandbox.X3.SalesOrders(), order => Assert.Equal(scenario.PartnerToCustomer[order["YEXTREF"]!.ToString().Split('~')[0]], order["BPCORD"]?.ToString()));
        Assert.Empty(harness.Sandbox.Sps.Files.Files("out/"));

        var rejected = (await harness.RecordsAsync(Flow, RecordStatus.Rejected)).ToDictionary(row => OrderKey(row.SourceKey), row => row.Reason ?? string.Empty, StringComparer.Ordinal);
        Assert.Equal(
            scenario.UnknownPartnerOrders.Concat(scenario.UnknownItemOrders).Append("file~" + scenario.MalformedFiles[0]).Order(StringComparer.Ordinal),
            rejected.Keys.Order(StringComparer.Ordinal));
        Assert.All(scenario.UnknownPartnerOrders, key => Assert.Contains(
            $"Trading partner {OrderSeedScenario.UnknownPartnerId} (PO {PoNumber(key)} from trading partner {OrderSeedScenario.UnknownPartnerId}) has no X3 customer: add the row trading-partner,{OrderSeedScenario.UnknownPartnerId},<X3 customer code>",
            rejected[key],
            StringComparison.Ordinal));
        Assert.Contains($"add the row item-number,{scenario.UnknownItemOrders[0].Split('~')[0]}:{OrderSeedScenario.UnknownItem},<X3 item>", rejected[scenario.UnknownItemOrders[0]], StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", rejected["file~" + scenario.MalformedFiles[0]], StringComparison.Ordinal);

        // The fixes the reasons name: the next sync writes the waiting orders, though SPS has no files left.
        await harness.Mappings.SetAsync(MappingTableNames.TradingPartner, OrderSeedScenario.UnknownPartnerId, scenario.PartnerToCustomer.Values.First(), CancellationToken.None);
        await harness.Mappings.SetAsync(MappingTableNames.ItemNumber, OrderSeedScenario.UnknownItem, scenario.X3Items[0], CancellationToken.None);
        var retry = await harness.SyncAsync(Flow);

        Assert.Equal(4, retry.RejectsRetried);
        Assert.Equal(0, retry.Enqueued);
        var remaining = Assert.Single(await harness.RecordsAsync(Flow, RecordStatus.Rejected));
        Assert.StartsWith("file~", remaining.SourceKey, StringComparison.Ordinal);
        var numbers = SalesOrderNumbers(harness);
        Assert.Equal(12, numbers.Count);
        Assert.Equal(12, numbers.Distinct(StringComparer.Ordinal).Count());

        // A rerun with nothing new writes nothing; a re-sent identical file is recognised as already written.
        var creates = harness.Sandbox.X3.CreateCount("SORDER");
        harness.Sandbox.Sps.SeedOrders(new OrderSeedRequest { Orders = 1 });
        var again = await harness.SyncAsync(Flow);

        Assert.Equal(0, again.Enqueued);
        Assert.Equal(creates, harness.Sandbox.X3.CreateCount("SORDER"));
        Assert.Empty(harness.Sandbox.Sps.Files.Files("out/"));
    }

    [Fact]
    public async Task An_sps_outage_fails_the_poll_and_keeps_every_file_for_the_next_run()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 3 }, harness.Mappings, CancellationToken.None);
        harness.Sandbox.Sps.Faults.FailNext(500, times: 20, pathContains: "/transactions/v5/data/out/PO/PO", method: "GET");

        await Assert.ThrowsAnyAsync<Exception>(() => harness.SyncAsync(Flow));

        Assert.Equal(scenario.Files.Count, harness.Sandbox.Sps.Files.Files("out/PO/").Count);
        Assert.Empty(harness.Sandbox.X3.SalesOrders());

        harness.Sandbox.Sps.Faults.Clear();
        await harness.SyncAsync(Flow);

        Assert.Equal(3, harness.Sandbox.X3.SalesOrders().Count);
        Assert.Empty(harness.Sandbox.Sps.Files.Files("out/PO/"));
    }

    [Fact]
    public async Task X3_sales_orders_from_sps_are_acknowledged_once_per_version_and_a_lost_answer_does_not_duplicate_the_855()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 4 }, harness.Mappings, CancellationToken.None);
        harness.Sandbox.X3.SeedCustomer("C0900", "Walk-in customer");
        harness.Sandbox.X3.SeedSalesOrder("C0900", new DateOnly(2026, 12, 1), "PHONE-1", [("TEE-BLU-M", 3m, 4.25m)]);
        await harness.SyncAsync(Flow);

        // The first upload is applied by SPS but its answer is lost: the retry overwrites the same file.
        harness.Sandbox.Sps.Faults.DropConnectionAfterNext(pathContains: "/transactions/v5/data/in/", method: "POST");
        var acks = await harness.SyncAsync(SpsCommerceX3Flows.AcknowledgmentsName);

        Assert.Equal(4, acks.Enqueued);
        var files = harness.Sandbox.Sps.Files.Files("in/");
        Assert.Equal(4, files.Count);
        Assert.Equal(5, harness.Sandbox.Sps.Journal.Entries.Count(entry => entry.Method == "POST" && entry.Path.StartsWith("/transactions/v5/data/in/", StringComparison.Ordinal)));
        Assert.All(files, file => Assert.StartsWith("in/PR_", file.Path, StringComparison.Ordinal));
        var acknowledged = files.Select(file => System.Text.Json.JsonDocument.Parse(file.Content).RootElement.GetProperty("Header").GetProperty("OrderHeader")).ToList();
        Assert.Equal(scenario.WritableOrders.Select(PoNumber).Order(StringComparer.Ordinal), acknowledged.Select(h => h.GetProperty("PurchaseOrderNumber").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(acknowledged, h => Assert.Equal("AD", h.GetProperty("AcknowledgementType").GetString()));
        Assert.Equal(4, (await harness.RecordsAsync(SpsCommerceX3Flows.AcknowledgmentsName, RecordStatus.Written)).Count);

        var again = await harness.SyncAsync(SpsCommerceX3Flows.AcknowledgmentsName);
        Assert.Equal(0, again.Enqueued);
        Assert.Equal(4, harness.Sandbox.Sps.Files.Files("in/").Count);

        // SPS processes (removes) the uploads. Closing an accepted order in X3 without changing a line tells the partner
        // nothing new: no rejection follows the acceptance. Changing a quantity sends a replace (05) accepting with changes.
        foreach (var file in harness.Sandbox.Sps.Files.Files("in/"))
        {
            harness.Sandbox.Sps.Files.Delete(file.Path);
        }

        var orders = harness.Sandbox.X3.SalesOrders().Where(order => order["CUSORDREF"]?.ToString() != "PHONE-1").ToList();
        harness.Sandbox.X3.Touch("SORDER", orders[0]["SOHNUM"]!.ToString(), new Dictionary<string, object?> { ["CLEFLG"] = 2 });
        var closed = await harness.SyncAsync(SpsCommerceX3Flows.AcknowledgmentsName);

        Assert.Equal(1, closed.Enqueued);
        Assert.Empty(harness.Sandbox.Sps.Files.Files("in/"));

        var lines = (System.Text.Json.Nodes.JsonArray)orders[1]["$lines"]!.DeepClone();
        lines[0]!["QTY"] = (decimal)lines[0]!["QTY"]! + 1;
        harness.Sandbox.X3.Touch("SORDER", orders[1]["SOHNUM"]!.ToString(), new Dictionary<string, object?> { ["$lines"] = lines });
        var change = await harness.SyncAsync(SpsCommerceX3Flows.AcknowledgmentsName);

        Assert.Equal(1, change.Enqueued);
        var replacement = Assert.Single(harness.Sandbox.Sps.Files.Files("in/"));
        var header = System.Text.Json.JsonDocument.Parse(replacement.Content).RootElement.GetProperty("Header").GetProperty("OrderHeader");
        Assert.Equal(("AC", "05"), (header.GetProperty("AcknowledgementType").GetString(), header.GetProperty("TsetPurposeCode").GetString()));
        Assert.Equal(orders[1]["CUSORDREF"]!.ToString(), header.GetProperty("PurchaseOrderNumber").GetString());
    }

    [Fact]
    public async Task Validated_x3_invoices_of_sps_orders_go_to_sps_as_810s_once_drafts_wait_and_other_invoices_stay_home()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 3 }, harness.Mappings, CancellationToken.None);
        harness.Sandbox.X3.SeedCustomer("C0900", "Walk-in customer");
        var local = harness.Sandbox.X3.SeedSalesOrder("C0900", new DateOnly(2026, 12, 1), "PHONE-1", [("TEE-BLU-M", 3m, 4.25m)]);
        await harness.SyncAsync(Flow);
        var spsOrders = harness.Sandbox.X3.SalesOrders().Where(order => order["SOHNUM"]!.ToString() != local).ToList();
        var invoiced = spsOrders.Take(2).Select(order => (Order: order, Invoice: harness.Sandbox.X3.InvoiceSalesOrder(order["SOHNUM"]!.ToString(), new DateOnly(2026, 12, 4), taxRate: 0.08m))).ToList();
        var draft = harness.Sandbox.X3.InvoiceSalesOrder(spsOrders[2]["SOHNUM"]!.ToString(), new DateOnly(2026, 12, 4), validated: false);
        harness.Sandbox.X3.InvoiceSalesOrder(local, new DateOnly(2026, 12, 4));

        // The first upload is applied by SPS but its answer is lost: the retry overwrites the same file.
        harness.Sandbox.Sps.Faults.DropConnectionAfterNext(pathContains: "/transactions/v5/data/in/", method: "POST");
        var first = await harness.SyncAsync(SpsCommerceX3Flows.InvoicesName);

        Assert.Equal(2, first.Enqueued);
        Assert.Equal(3, harness.Sandbox.Sps.Journal.Entries.Count(entry => entry.Method == "POST" && entry.Path.StartsWith("/transactions/v5/data/in/IN_", StringComparison.Ordinal)));
        var files = harness.Sandbox.Sps.Files.Files("in/");
        Assert.Equal(2, files.Count);
        foreach (var (order, invoice) in invoiced)
        {
            var partner = order["YEXTREF"]!.ToString().Split('~')[0];
            var file = Assert.Single(files, f => f.Path.StartsWith($"in/IN_{partner}_{invoice}_", StringComparison.Ordinal));
            var root = System.Text.Json.JsonDocument.Parse(file.Content).RootElement;
            var header = root.GetProperty("Header").GetProperty("InvoiceHeader");
            Assert.Equal(partner, header.GetProperty("TradingPartnerId").GetString());
            Assert.Equal(invoice, header.GetProperty("InvoiceNumber").GetString());
            Assert.Equal(order["CUSORDREF"]!.ToString(), header.GetProperty("PurchaseOrderNumber").GetString());
            var x3Invoice = harness.Sandbox.X3.Find("SINVOICE", invoice)!;
            var lines = ((System.Text.Json.Nodes.JsonArray)x3Invoice["$lines"]!).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
            Assert.Equal(lines.Count, root.GetProperty("LineItem").GetArrayLength());
            Assert.Equal((decimal)x3Invoice["AMTNOT"]!, root.GetProperty("Summary").GetProperty("TotalSalesAmount").GetDecimal());
            Assert.Equal((decimal)x3Invoice["AMTNOT"]! + lines.Sum(line => (decimal)line["AMTTAX"]!), root.GetProperty("Summary").GetProperty("TotalAmount").GetDecimal());
        }

        Assert.Equal(2, (await harness.RecordsAsync(SpsCommerceX3Flows.InvoicesName, RecordStatus.Written)).Count);
        Assert.Empty(await harness.RecordsAsync(SpsCommerceX3Flows.InvoicesName, RecordStatus.Rejected));

        // Nothing new: nothing sent. Once X3 validates the draft, it goes out as one more 810.
        var again = await harness.SyncAsync(SpsCommerceX3Flows.InvoicesName);
        Assert.Equal(0, again.Enqueued);
        Assert.Equal(2, harness.Sandbox.Sps.Files.Files("in/").Count);

        harness.Sandbox.X3.Touch("SINVOICE", draft, new Dictionary<string, object?> { ["STA"] = 3 });
        var validated = await harness.SyncAsync(SpsCommerceX3Flows.InvoicesName);

        Assert.Equal(1, validated.Enqueued);
        Assert.Equal(3, harness.Sandbox.Sps.Files.Files("in/").Count);
        Assert.Single(harness.Sandbox.Sps.Files.Files("in/"), f => f.Path.Contains($"_{draft}_", StringComparison.Ordinal));

        // SPS checks what lands in in/: an RSX invoice without its number is refused with a problem naming the field.
        using var http = new HttpClient();
        var sps = harness.Sandbox.Sps;
        var tokenBody = $"{{\"grant_type\":\"client_credentials\",\"client_id\":\"{sps.Options.ClientId}\",\"client_secret\":\"{sps.Options.ClientSecret}\",\"audience\":\"https://spscommerce.com\"}}";
        using var tokenResponse = await http.PostAsync(sps.TokenAddress, new StringContent(tokenBody, System.Text.Encoding.UTF8, "application/json"));
        using var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri(sps.BaseAddress, "transactions/v5/data/in/IN_bad.json"))
        {
            Content = new ByteArrayContent("""{"Header":{"InvoiceHeader":{"InvoiceNumber":"SI-BAD"}},"Totals":{}}"""u8.ToArray()),
        };
        upload.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var refused = await http.SendAsync(upload);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("The document is not valid RSX 7.7.7", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["$.Header.InvoiceHeader.TradingPartnerId", "$.Totals"],
            problem.GetProperty("context").EnumerateArray().Select(error => error.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, harness.Sandbox.Sps.Files.Files("in/").Count);
    }

    [Fact]
    public async Task An_original_a_change_and_a_cancellation_of_one_po_in_one_listing_are_three_records_and_leave_the_x3_order_cancelled()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 0 }, harness.Mappings, CancellationToken.None);
        var files = harness.Sandbox.Sps.SeedOrderVersions("WMTALLTESTID", "4509001", ["00", "04", "01"]);

        var sync = await harness.SyncAsync(Flow);

        Assert.Equal(3, sync.Enqueued);
        Assert.Empty(harness.Sandbox.Sps.Files.Files("out/"));
        var order = Assert.Single(harness.Sandbox.X3.SalesOrders());
        Assert.Equal(("4509001", 2), (order["CUSORDREF"]!.ToString(), (int)order["CLEFLG"]!));
        Assert.Equal("WMTALLTESTID~4509001", order["YEXTREF"]!.ToString());
        var written = await harness.RecordsAsync(Flow, RecordStatus.Written);
        Assert.Equal(files.Select(f => "WMTALLTESTID~4509001~" + f[(f.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal), written.Select(r => r.SourceKey).Order(StringComparer.Ordinal));
        Assert.All(written, r => Assert.Equal(order["SOHNUM"]!.ToString(), r.TargetId));
        Assert.Equal(1, harness.Sandbox.X3.CreateCount("SORDER"));

        // Which of the original and the change X3 last held before it closed depends on which reached the write stage
        // first: a change older than an applied cancellation is superseded, never applied to a closed order.
    }

    [Fact]
    public async Task An_original_and_its_change_in_one_listing_leave_the_changed_quantities_on_one_x3_order()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 0 }, harness.Mappings, CancellationToken.None);
        harness.Sandbox.Sps.SeedOrderVersions("WMTALLTESTID", "4509003", ["00", "04"]);

        await harness.SyncAsync(Flow);

        var order = Assert.Single(harness.Sandbox.X3.SalesOrders());
        var lines = ((System.Text.Json.Nodes.JsonArray)order["$lines"]!).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        Assert.Equal(OrderSeedScenario.ChangedQuantity, (decimal)lines[0]["QTY"]!);
        Assert.Equal(1, harness.Sandbox.X3.CreateCount("SORDER"));
        Assert.Equal(2, (await harness.RecordsAsync(Flow, RecordStatus.Written)).Count);
    }

    [Fact]
    public async Task A_change_finding_its_order_in_x3_without_our_record_of_the_original_puts_the_changed_quantities_on_it()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 0 }, harness.Mappings, CancellationToken.None);
        harness.Sandbox.Sps.SeedOrderVersions("WMTALLTESTID", "4509002", ["00"]);
        await harness.SyncAsync(Flow);
        var created = Assert.Single(harness.Sandbox.X3.SalesOrders());

        // As when the original's create reached X3 but its answer never came back: X3 holds the order, our archive does not.
        var payloads = harness.Services.GetRequiredService<PipelineStorage>().Payloads;
        await foreach (var blob in payloads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, BlobSpsOrderArchive.Prefix, CancellationToken.None))
        {
            await payloads.DeleteBlobAsync(blob.Name);
        }

        harness.Sandbox.Sps.SeedOrderVersions("WMTALLTESTID", "4509002", ["04"]);
        await harness.SyncAsync(Flow);

        var order = Assert.Single(harness.Sandbox.X3.SalesOrders());
        Assert.Equal(created["SOHNUM"]!.ToString(), order["SOHNUM"]!.ToString());
        var lines = ((System.Text.Json.Nodes.JsonArray)order["$lines"]!).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        Assert.Equal(OrderSeedScenario.ChangedQuantity, (decimal)lines[0]["QTY"]!);
        Assert.Equal(1, harness.Sandbox.X3.CreateCount("SORDER"));
    }

    private static string OrderKey(string recordKey) => string.Join('~', recordKey.Split('~').Take(2));

    private static string PoNumber(string key) => key.Split('~')[1];

    private static List<string> SalesOrderNumbers(ConnectedHarness harness) =>
        [.. harness.Sandbox.X3.SalesOrders().Select(order => order["CUSORDREF"]?.ToString() ?? string.Empty)];
}
