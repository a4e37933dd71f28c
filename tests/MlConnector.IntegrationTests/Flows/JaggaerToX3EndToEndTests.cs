using System.Text.Json.Nodes;
using MlConnector.Core.Mapping;
using MlConnector.Flows.JaggaerX3;
using MlConnector.Pipeline.Records;
using MlConnector.Simulators.Jaggaer.Seeding;

namespace MlConnector.IntegrationTests.Flows;

[Collection(AzuriteCollection.Name)]
public sealed class JaggaerToX3EndToEndTests(AzuriteFixture azurite)
{
    private const string Suppliers = JaggaerX3Flows.SuppliersName;
    private const string Orders = JaggaerX3Flows.PurchaseOrdersName;

    [Fact]
    public async Task Suppliers_then_orders_land_once_each_an_unknown_gl_account_waits_for_its_mapping_and_a_rerun_writes_nothing()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = harness.Sandbox.SeedJaggaer(new SeedRequest { Suppliers = 4, PurchaseOrders = 25, LinesPerOrder = 2, UnknownAccountShare = 0.2 });

        var suppliers = await harness.SyncAsync(Suppliers);

        Assert.Equal(4, suppliers.Enqueued);
        Assert.Equal(4, harness.Sandbox.X3.CreateCount("BPSUPPLIER"));
        Assert.All(scenario.SupplierCodes, supplier =>
            Assert.Equal(supplier.Key, harness.Sandbox.X3.Find("BPSUPPLIER", supplier.Value)?["YEXTREF"]?.ToString()));

        await harness.SyncAsync(Orders);

        Assert.Equal(scenario.WritablePurchaseOrders.Select(id => scenario.PoNumbers[id]).Order(StringComparer.Ordinal), OrderReferences(harness).Order(StringComparer.Ordinal));
        var rejected = await harness.RecordsAsync(Orders, RecordStatus.Rejected);
        Assert.Equal(scenario.RejectedPurchaseOrders.Keys.Order(StringComparer.Ordinal), rejected.Select(row => row.SourceKey).Order(StringComparer.Ordinal));
        Assert.All(rejected, row => Assert.Contains(
            $"GL account 69999 (JAGGAER account 69999 on line 2 of PO {scenario.PoNumbers[row.SourceKey]}) does not exist in X3 folder SEED: create it in X3 or map JAGGAER account 69999 in costcode-glaccount",
            row.Reason,
            StringComparison.Ordinal));

        // The 25 orders span two server pages of 20.
        Assert.Equal(2, harness.Sandbox.Jaggaer.Journal.Entries.Count(entry => entry.Path.EndsWith("/purchaseorders", StringComparison.Ordinal)));

        await harness.Mappings.SetAsync(MappingTableNames.CostCodeToGlAccount, "69999", scenario.X3GlAccounts[0], CancellationToken.None);
        var retry = await harness.SyncAsync(Orders);

        Assert.Equal(scenario.RejectedPurchaseOrders.Count, retry.RejectsRetried);
        Assert.Empty(await harness.RecordsAsync(Orders, RecordStatus.Rejected));
        var references = OrderReferences(harness);
        Assert.Equal(25, references.Count);
        Assert.Equal(25, references.Distinct(StringComparer.Ordinal).Count());
        var fixedOrder = Assert.Single(harness.Sandbox.X3.FindByExternalReference("PORDER", scenario.PoNumbers[scenario.RejectedPurchaseOrders.Keys.First()]));
        Assert.Contains(scenario.X3GlAccounts[0], AccountsOf(fixedOrder));

        var supplierCreates = harness.Sandbox.X3.CreateCount("BPSUPPLIER");
        var orderCreates = harness.Sandbox.X3.CreateCount("PORDER");
        var x3Calls = harness.Sandbox.X3.Journal.Entries.Count;
        var suppliersAgain = await harness.SyncAsync(Suppliers);
        var ordersAgain = await harness.SyncAsync(Orders);

        Assert.Equal(0, suppliersAgain.Enqueued);
        Assert.Equal(0, ordersAgain.Enqueued);
        Assert.Equal(supplierCreates, harness.Sandbox.X3.CreateCount("BPSUPPLIER"));
        Assert.Equal(orderCreates, harness.Sandbox.X3.CreateCount("PORDER"));
        Assert.Equal(x3Calls, harness.Sandbox.X3.Journal.Entries.Count);
        Assert.Contains(harness.Sandbox.Jaggaer.Journal.Entries, entry => Uri.UnescapeDataString(entry.Query).Contains("flt=lastUpdate>=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_read_before_its_supplier_is_rejected_and_written_once_the_supplier_flow_has_run()
    {
        // Without the five-minute reference cache the retry sees the new supplier at once.
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["SageX3:ReferenceDataCacheLifetime"] = "00:00:00" });
        var scenario = harness.Sandbox.SeedJaggaer(new SeedRequest { Suppliers = 2, PurchaseOrders = 3, LinesPerOrder = 1, UnknownAccountShare = 0 });

        await harness.SyncAsync(Orders);
        var waiting = await harness.RecordsAsync(Orders, RecordStatus.Rejected);

        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, row => Assert.Contains("the jaggaer-suppliers-x3 flow creates it", row.Reason, StringComparison.Ordinal));
        Assert.Empty(harness.Sandbox.X3.PurchaseOrders());

        await harness.SyncAsync(Suppliers);
        var retry = await harness.SyncAsync(Orders);

        Assert.Equal(3, retry.RejectsRetried);
        Assert.Equal(scenario.PoNumbers.Values.Order(StringComparer.Ordinal), OrderReferences(harness).Order(StringComparer.Ordinal));
        Assert.Empty(await harness.RecordsAsync(Orders, RecordStatus.Rejected));
    }

    private static List<string> OrderReferences(ConnectedHarness harness) =>
        [.. harness.Sandbox.X3.PurchaseOrders().Select(order => order["YEXTREF"]?.ToString() ?? string.Empty).Where(reference => reference.Length > 0)];

    private static IEnumerable<string?> AccountsOf(JsonObject order) =>
        order["$lines"]!.AsArray().Select(line => line!["ACC"]?.ToString());
}
