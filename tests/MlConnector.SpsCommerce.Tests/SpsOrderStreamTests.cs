using System.Text.Json;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core.Flows;
using MlConnector.Simulators.SpsCommerce.Seeding;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests;

public sealed class SpsOrderStreamTests
{
    [Fact]
    public async Task A_pages_files_are_deleted_only_when_the_engine_asks_for_the_next_page()
    {
        await using var harness = await SpsHarness.StartAsync(pageSize: 2);
        var scenario = harness.Simulator.SeedOrders(new OrderSeedRequest { Orders = 3 });
        Assert.Equal(3, scenario.Files.Count);

        await using var pages = harness.Orders.ReadAsync(StreamPosition.Beginning, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());

        // The engine is admitting the first page: nothing may be gone yet.
        Assert.Equal(2, pages.Current.Records.Count);
        Assert.Equal(3, harness.Simulator.Files.Files("out/PO/").Count);
        Assert.Empty(harness.ApiCalls("DELETE"));

        Assert.True(await pages.MoveNextAsync());
        Assert.Equal([scenario.Files[2]], harness.Simulator.Files.Files("out/PO/").Select(f => f.Path));

        Assert.False(await pages.MoveNextAsync());
        Assert.Empty(harness.Simulator.Files.Files("out/PO/"));
        Assert.Contains(harness.Simulator.Files.History(), h => h.StatusLog.Any(s => s.Status == "deleted"));
    }

    [Fact]
    public async Task When_admission_fails_the_files_stay_in_the_folder_for_the_next_run()
    {
        await using var harness = await SpsHarness.StartAsync();
        harness.Simulator.SeedOrders(new OrderSeedRequest { Orders = 2 });

        await using (var pages = harness.Orders.ReadAsync(StreamPosition.Beginning, CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await pages.MoveNextAsync());

            // The engine failed to admit the page and stopped enumerating.
        }

        Assert.Equal(2, harness.Simulator.Files.Files("out/PO/").Count);
        Assert.Empty(harness.ApiCalls("DELETE"));
        var again = await harness.ReadAllAsync();
        Assert.Equal(2, again.Count);
        Assert.Empty(harness.Simulator.Files.Files("out/PO/"));
    }

    [Fact]
    public async Task Orders_become_records_keyed_by_partner_and_po_and_a_broken_file_becomes_a_record_with_its_reason()
    {
        await using var harness = await SpsHarness.StartAsync();
        var scenario = harness.Simulator.SeedOrders(new OrderSeedRequest { Orders = 4, MalformedFiles = 1 });

        var records = await harness.ReadAllAsync();

        // Order 4 shares a file with order 3 (an RSX array), so 4 orders came from 3 files.
        Assert.Equal(4, scenario.Files.Count - scenario.MalformedFiles.Count);
        Assert.Equal(scenario.WritableOrders.Order(StringComparer.Ordinal), records.Where(r => !r.Key.StartsWith("file~", StringComparison.Ordinal)).Select(r => OrderKey(r.Key)).Order(StringComparer.Ordinal));
        var broken = Assert.Single(records, r => r.Key.StartsWith("file~", StringComparison.Ordinal));
        Assert.Equal("file~" + scenario.MalformedFiles[0], broken.Key);
        Assert.Contains("is not valid JSON", broken.Payload.GetProperty(RsxOrderFile.ErrorProperty).GetString(), StringComparison.Ordinal);
        Assert.StartsWith("{\"Header\"", broken.Payload.GetProperty(RsxOrderFile.ContentProperty).GetString(), StringComparison.Ordinal);
        Assert.All(records.Where(r => r != broken), r => Assert.Equal(JsonValueKind.Object, r.Payload.GetProperty(RsxOrderFile.OrderProperty).ValueKind));
    }

    private static string OrderKey(string recordKey) => string.Join('~', recordKey.Split('~').Take(2));

    [Fact]
    public void The_same_order_read_twice_has_the_same_version_and_a_changed_one_a_new_version_and_record()
    {
        var original = """{"Header":{"OrderHeader":{"TradingPartnerId":"TP1","PurchaseOrderNumber":"PO1","TsetPurposeCode":"00"}},"LineItem":[]}"""u8.ToArray();
        var changed = """{"Header":{"OrderHeader":{"TradingPartnerId":"TP1","PurchaseOrderNumber":"PO1","TsetPurposeCode":"04"}},"LineItem":[]}"""u8.ToArray();

        var first = Assert.Single(RsxOrderFile.Read("out/PO/a.json", original, "1"));
        var again = Assert.Single(RsxOrderFile.Read("out/PO/a.json", [0xEF, 0xBB, 0xBF, .. original], "2"));
        var change = Assert.Single(RsxOrderFile.Read("out/PO/c.json", changed, "3"));

        Assert.Equal("TP1~PO1~a.json", first.Key);
        Assert.Equal((first.Key, first.Version), (again.Key, again.Version));
        Assert.Equal("TP1~PO1~c.json", change.Key);
        Assert.NotEqual(first.Version, change.Version);
    }
}
