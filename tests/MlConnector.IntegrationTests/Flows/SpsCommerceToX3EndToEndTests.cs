using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Pipeline.Records;
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

        var rejected = (await harness.RecordsAsync(Flow, RecordStatus.Rejected)).ToDictionary(row => row.SourceKey, row => row.Reason ?? string.Empty, StringComparer.Ordinal);
        Assert.Equal(
            scenario.UnknownPartnerOrders.Concat(scenario.UnknownItemOrders).Append("file~" + scenario.MalformedFiles[0]).Order(StringComparer.Ordinal),
            rejected.Keys.Order(StringComparer.Ordinal));
        Assert.All(scenario.UnknownPartnerOrders, key => Assert.Contains(
            $"Trading partner {OrderSeedScenario.UnknownPartnerId} (PO {PoNumber(key)} from trading partner {OrderSeedScenario.UnknownPartnerId}) has no X3 customer: add the row trading-partner,{OrderSeedScenario.UnknownPartnerId},<X3 customer code>",
            rejected[key],
            StringComparison.Ordinal));
        Assert.Contains($"add the row item-number,{OrderSeedScenario.UnknownItem},<X3 item>", rejected[scenario.UnknownItemOrders[0]], StringComparison.Ordinal);
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

    private static string PoNumber(string key) => key.Split('~')[1];

    private static List<string> SalesOrderNumbers(ConnectedHarness harness) =>
        [.. harness.Sandbox.X3.SalesOrders().Select(order => order["CUSORDREF"]?.ToString() ?? string.Empty)];
}
