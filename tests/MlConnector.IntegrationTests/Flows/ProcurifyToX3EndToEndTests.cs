using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Mapping;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.IntegrationTests.Flows;

[Collection(AzuriteCollection.Name)]
public sealed class ProcurifyToX3EndToEndTests(AzuriteFixture azurite)
{
    private const string Flow = "procurify-x3";

    [Fact]
    public async Task A_thousand_purchase_orders_land_once_each_and_rejects_are_written_once_their_mappings_exist()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 1000, LinesPerOrder = 2, UnmappableShare = 0.05 }, harness.Mappings, CancellationToken.None);

        await harness.SyncAsync(Flow);

        // New orders arrive whole from 10 list pages and 20 pages of order items, joined on the items' PO ids: no order
        // needed its own detail call. Items name their account by id, so each distinct account is looked up once.
        var accounts = harness.Sandbox.Procurify.Store.PurchaseOrders.SelectMany(order => order.Lines).Select(line => line.AccountId).Distinct().Count();
        Assert.Equal(30, ProcurifyApiCalls(harness).Count(call => call.Path != "/api/v3/accounts/"));
        Assert.Equal(accounts, ProcurifyApiCalls(harness).Count(call => call.Path == "/api/v3/accounts/"));
        Assert.All(ProcurifyApiCalls(harness), call => Assert.DoesNotMatch(@"^/api/v2/purchase_orders/\d+/$", call.Path));
        Assert.Equal(950, ExternalReferences(harness).Count);
        var rejected = await harness.RecordsAsync(Flow, RecordStatus.Rejected);
        Assert.Equal(50, rejected.Count);
        Assert.All(rejected, row => Assert.Contains(row.SourceKey, scenario.UnmappablePurchaseOrders.Keys));
        Assert.Contains(rejected, row => row.Reason!.Contains("has no X3 supplier: add it to the vendor mapping", StringComparison.Ordinal));
        Assert.Contains(rejected, row => row.Reason!.Contains("does not exist in X3 folder SEED", StringComparison.Ordinal));

        foreach (var vendor in scenario.UnmappedVendorIds)
        {
            await harness.Mappings.SetAsync(MappingTableNames.VendorToSupplier, vendor, scenario.X3Suppliers[0], CancellationToken.None);
        }

        foreach (var code in scenario.InvalidAccountCodes)
        {
            await harness.Mappings.SetAsync(MappingTableNames.CostCodeToGlAccount, code, scenario.X3GlAccounts[0], CancellationToken.None);
        }

        var second = await harness.SyncAsync(Flow);

        Assert.Equal(50, second.RejectsRetried);
        var references = ExternalReferences(harness);
        Assert.Equal(1000, references.Count);
        Assert.Equal(1000, references.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(await harness.RecordsAsync(Flow, RecordStatus.Rejected));

        // Each X3 order totals what Procurify's does: freight, other charges and discounts as lines, the tax on the lines.
        foreach (var x3Order in harness.Sandbox.X3.PurchaseOrders())
        {
            var procurify = harness.Sandbox.Procurify.Store.PurchaseOrder(int.Parse(x3Order["YEXTREF"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal(procurify.Total, TotalOf(x3Order));
        }

        // Procurify saw the client header on every API call and one token served the whole run.
        var apiCalls = ProcurifyApiCalls(harness);
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.Equal("api", call.Headers.GetValueOrDefault("x-procurify-client")));
        Assert.Equal(1, harness.Sandbox.Procurify.TokenRequestCount);
    }

    [Fact]
    public async Task A_modified_purchase_order_updates_its_x3_order_and_a_cancelled_one_closes_it()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 6, LinesPerOrder = 2, UnmappableShare = 0 }, harness.Mappings, CancellationToken.None);
        await harness.SyncAsync(Flow);
        var creates = harness.Sandbox.X3.CreateCount("PORDER");
        var modified = int.Parse(scenario.MappablePurchaseOrders[0], System.Globalization.CultureInfo.InvariantCulture);
        var cancelled = int.Parse(scenario.MappablePurchaseOrders[1], System.Globalization.CultureInfo.InvariantCulture);

        harness.Sandbox.Procurify.ModifyPurchaseOrder(modified, po => po with { Lines = [po.Lines[0] with { Quantity = po.Lines[0].Quantity + 7 }, .. po.Lines.Skip(1)] });
        harness.Sandbox.Procurify.CancelPurchaseOrder(cancelled);
        await harness.SyncAsync(Flow);

        Assert.Equal(creates, harness.Sandbox.X3.CreateCount("PORDER"));
        var x3Order = Assert.Single(harness.Sandbox.X3.FindByExternalReference("PORDER", scenario.MappablePurchaseOrders[0]));
        Assert.Contains(harness.Sandbox.Procurify.Store.PurchaseOrder(modified)!.Lines[0].Quantity, QuantitiesOf(x3Order));
        var cancelledOrder = Assert.Single(harness.Sandbox.X3.FindByExternalReference("PORDER", scenario.MappablePurchaseOrders[1]));
        Assert.Equal(2, cancelledOrder["CLEFLG"]?.GetValue<int>());
    }

    [Fact]
    public async Task A_sync_that_dies_mid_way_and_is_run_again_loses_and_duplicates_nothing()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 120, LinesPerOrder = 1, UnmappableShare = 0 }, harness.Mappings, CancellationToken.None);
        // The lines come 100 to a page: the first hundred orders are complete and enqueued before the run dies on page 2.
        harness.Sandbox.Procurify.Faults.FailNext(500, times: 50, pathContains: "/api/v3/order-items/", method: "GET", queryContains: "&page=2&");

        await Assert.ThrowsAnyAsync<Exception>(() => harness.SyncAsync(Flow));
        await harness.DrainAsync();
        Assert.Equal(100, ExternalReferences(harness).Count);
        harness.Sandbox.Procurify.Faults.Clear();

        await harness.SyncAsync(Flow);

        var references = ExternalReferences(harness);
        Assert.Equal(120, references.Count);
        Assert.Equal(120, references.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Orders_x3_must_not_hold_are_rejected_with_the_reason_and_never_sent()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        var scenario = await harness.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 6, LinesPerOrder = 1, UnmappableShare = 0 }, harness.Mappings, CancellationToken.None);
        var orders = scenario.MappablePurchaseOrders.Select(key => int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var nonsense = new Dictionary<int, (Func<Simulators.Procurify.Model.SimPurchaseOrder, Simulators.Procurify.Model.SimPurchaseOrder> Change, string Reason)>
        {
            [orders[0]] = (po => po with { Lines = [po.Lines[0] with { Quantity = -5 }] }, "line 1 quantity -5 is not above zero"),
            [orders[1]] = (po => po with { Lines = [po.Lines[0] with { Quantity = 0 }] }, "line 1 quantity 0 is not above zero"),
            [orders[2]] = (po => po with { Lines = [po.Lines[0] with { Price = -100 }] }, "line 1 unit price -100.00 is negative"),
            [orders[3]] = (po => po with { Currency = "XXX" }, "currency 'XXX' is not an ISO 4217 code"),
            [orders[4]] = (po => po with { Lines = [po.Lines[0] with { Name = "Box\u0000 \u202Egpj.exe" }] }, "holds the character U+0000 (NUL)"),
        };
        foreach (var (order, (change, _)) in nonsense)
        {
            harness.Sandbox.Procurify.ModifyPurchaseOrder(order, change);
        }

        await harness.SyncAsync(Flow);

        Assert.Equal([scenario.MappablePurchaseOrders[5]], ExternalReferences(harness));
        var rejected = (await harness.RecordsAsync(Flow, RecordStatus.Rejected)).ToDictionary(row => row.SourceKey, row => row.Reason);
        foreach (var (order, (_, reason)) in nonsense)
        {
            var key = order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(rejected.ContainsKey(key), $"order {key} was not rejected");
            Assert.Contains(reason, rejected[key], StringComparison.Ordinal);
            Assert.StartsWith("not sent to Sage X3", rejected[key], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_client_secret_fails_each_poll_with_the_reason_on_the_status_asks_procurify_once_and_a_stored_fix_is_used_at_once()
    {
        await using var harness = await ConnectedHarness.StartAsync(azurite.ConnectionString);
        await harness.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 5, LinesPerOrder = 1, UnmappableShare = 0 }, harness.Mappings, CancellationToken.None);
        var secrets = harness.Services.GetRequiredService<ISecretStore>();
        await secrets.SetSecretAsync(ProcurifySecretNames.ClientSecret, "revoked-secret", CancellationToken.None);

        // Three scheduled runs inside the refusal hold: each fails loudly, none asks Procurify again with the refused secret.
        for (var run = 0; run < 3; run++)
        {
            await Assert.ThrowsAsync<ProcurifyAuthenticationException>(() => harness.SyncAsync(Flow));
        }

        var failed = await FlowStatusAsync(harness);
        Assert.Contains("Procurify refused client id", failed.LastRunError, StringComparison.Ordinal);
        Assert.Contains(ProcurifySecretNames.ClientSecret, failed.LastRunError, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-secret", failed.LastRunError, StringComparison.Ordinal);
        Assert.Equal(1, harness.Sandbox.Procurify.TokenRequestCount);
        Assert.Empty(ProcurifyApiCalls(harness));
        Assert.Empty(ExternalReferences(harness));

        await secrets.SetSecretAsync(ProcurifySecretNames.ClientSecret, harness.Sandbox.Procurify.Options.ClientSecret, CancellationToken.None);
        await harness.SyncAsync(Flow);

        Assert.Equal(5, ExternalReferences(harness).Count);
        Assert.Equal(2, harness.Sandbox.Procurify.TokenRequestCount);
        Assert.Null((await FlowStatusAsync(harness)).LastRunError);
    }

    private static async Task<FlowStatus> FlowStatusAsync(ConnectedHarness harness) =>
        (await harness.Services.GetRequiredService<PipelineStatusReader>().ReadAsync(CancellationToken.None)).Flows.Single(flow => flow.Name == Flow);

    private static List<JournalEntry> ProcurifyApiCalls(ConnectedHarness harness) =>
        harness.Sandbox.Procurify.Journal.Entries.Where(entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    private static List<string> ExternalReferences(ConnectedHarness harness) =>
        harness.Sandbox.X3.PurchaseOrders().Select(order => order["YEXTREF"]?.ToString() ?? string.Empty).Where(reference => reference.Length > 0).ToList();

    private static decimal TotalOf(System.Text.Json.Nodes.JsonObject order) =>
        order["$lines"]!.AsArray().Sum(line => (line!["QTYUOM"]!.GetValue<decimal>() * line["GROPRI"]!.GetValue<decimal>()) + line["AMTTAX"]!.GetValue<decimal>());

    private static IEnumerable<decimal> QuantitiesOf(System.Text.Json.Nodes.JsonObject order) =>
        order["$lines"]!.AsArray().Select(line => line!["QTYUOM"]!.GetValue<decimal>());
}
