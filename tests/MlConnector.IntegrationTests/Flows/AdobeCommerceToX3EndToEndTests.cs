using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime;
using MlConnector.Simulators.AdobeCommerce;
using X3Line = MlConnector.Simulators.SageX3.SimulatedOrderLine;

namespace MlConnector.IntegrationTests.Flows;

/// <summary>Signed webhooks over real HTTP into the local runtime's listener, through the engine, into the X3 simulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdobeCommerceToX3EndToEndTests(AzuriteFixture azurite)
{
    private const string Flow = "adobe-commerce-x3";

    [Fact]
    public async Task Two_hundred_concurrent_deliveries_become_one_supplier_invoice_each_and_shipments_go_back_once()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, webhook) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        SeedX3(sandbox, orders: 200);
        var orders = Enumerable.Range(1, 200).Select(i => sandbox.Adobe.SeedOrder(Order(i, $"POWEB{i:D4}"))).ToList();

        var results = await Task.WhenAll(orders.Select((order, index) => sandbox.Adobe.SendOrderWebhookAsync(
            webhook, order, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Deliveries = index < 10 ? 2 : 1 })));
        await WaitForQueuesAsync(app.Services);

        Assert.All(results, result => Assert.All(result.Deliveries, delivery => Assert.Equal(200, delivery.StatusCode)));
        var invoices = sandbox.X3.SupplierInvoices().Select(invoice => invoice["YEXTREF"]?.ToString()).ToList();
        Assert.Equal(200, invoices.Count);
        Assert.Equal(200, invoices.Distinct(StringComparer.Ordinal).Count());

        // X3 ships three of them; two fulfilment polls post each shipment to the storefront once.
        foreach (var i in new[] { 1, 2, 3 })
        {
            sandbox.X3.SeedDelivery($"DLV{i:D4}", Increment(i), DateOnly.FromDateTime(DateTime.UtcNow), "UPS", $"1Z{i:D16}", confirmed: true, [("ITM-W1", 1m)]);
        }

        var poller = app.Services.GetRequiredService<FlowPoller>();
        await poller.PollAsync("x3-adobe-fulfillment", CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await poller.RunAsync("x3-adobe-fulfillment", new PollOptions(Since: DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        foreach (var i in new[] { 1, 2, 3 })
        {
            var shipment = Assert.Single(sandbox.Adobe.ShipmentsFor(orders[i - 1]["entity_id"]!.GetValue<long>()));
            Assert.Contains($"1Z{i:D16}", shipment.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_order_without_its_purchase_order_is_rejected_with_the_reason_and_written_once_the_order_appears_in_x3()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, webhook) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        SeedX3(sandbox, orders: 0);
        var order = sandbox.Adobe.SeedOrder(Order(7, "POLATE0007"));

        var tampered = await sandbox.Adobe.SendOrderWebhookAsync(webhook, order, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { TamperBody = true });
        var delivered = await sandbox.Adobe.SendOrderWebhookAsync(webhook, order, WebhookSigningScheme.CommerceRsa);
        await WaitForQueuesAsync(app.Services);

        // The webhooks module calls inside the checkout: a refused delivery is answered success and kept on our side.
        Assert.Equal((200, """{"op":"success"}""", false), (tampered.StatusCode, tampered.ResponseBody, tampered.BlocksCheckout));
        Assert.Contains("signature does not match", Assert.Single(await app.Services.GetRequiredService<RefusalAudit>().RecentAsync(Flow, 10, CancellationToken.None)).Reason, StringComparison.Ordinal);
        Assert.Equal(200, delivered.StatusCode);
        var records = app.Services.GetRequiredService<RecordStore>();
        var row = await records.GetAsync(Flow, Increment(7), CancellationToken.None);
        Assert.Equal(RecordStatus.Rejected, row!.StatusValue);
        Assert.Contains("purchase order POLATE0007 not found in X3 folder SEED", row.Reason, StringComparison.Ordinal);
        Assert.Empty(sandbox.X3.SupplierInvoices());

        sandbox.X3.SeedPurchaseOrder("SUPWEB", DateOnly.FromDateTime(DateTime.UtcNow), [new X3Line(1, "ITM-W1", "Widget", 1, "UN", 10m, "60710")], number: "POLATE0007");
        await app.Services.GetRequiredService<RecordRecovery>().RetryRejectedAsync(Flow, recordKey: null, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);

        // The operator's view over the runtime's admin route: the rejection, its reason, the reprocess and the invoice written.
        using var http = new HttpClient { BaseAddress = new Uri(webhook, "/api/admin/") };
        var history = JsonNode.Parse(await http.GetStringAsync($"history?flow={Flow}&record={Increment(7)}"))!["history"]!.AsArray();
        var missing = await http.GetAsync($"history?flow={Flow}&record=000199999");
        await app.StopAsync();

        Assert.Equal(RecordStatus.Written, (await records.GetAsync(Flow, Increment(7), CancellationToken.None))!.StatusValue);
        var invoice = Assert.Single(sandbox.X3.SupplierInvoices());
        Assert.Equal(
            ["intake/Received", "map/Rejected", "reprocess/Received", "map/Mapped", "write/Written"],
            history.Select(entry => $"{entry!["stage"]}/{entry["status"]}"));
        Assert.Contains("POLATE0007 not found", history[1]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(history[4]!["targetId"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_product_type_reaches_x3_as_an_invoice_equal_to_what_commerce_asks_and_ships_back_item_by_item()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, webhook) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        var orders = Sandbox.AdobeDemoOrders.Seed(sandbox);

        var sent = new[]
        {
            await sandbox.Adobe.SendOrderWebhookAsync(webhook, orders.Widgets, WebhookSigningScheme.CommerceRsa),
            await sandbox.Adobe.SendOrderWebhookAsync(webhook, orders.ChairsAndKit, WebhookSigningScheme.CommerceRsa),
            await sandbox.Adobe.SendOrderWebhookAsync(webhook, orders.DeskKit, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Payload = WebhookPayload.OrderBeingPlaced }),
        };
        await WaitForQueuesAsync(app.Services);

        Assert.All(sent, result => Assert.Equal((200, false), (result.StatusCode, result.BlocksCheckout)));
        var invoices = sandbox.X3.SupplierInvoices().ToDictionary(row => row["YEXTREF"]!.ToString());
        Assert.Equal(
            [("000000101", 121.00m), ("000000103", 395.11m), ("000000104", 134.08m)],
            orders.Matched.Select(order => ((string)order["increment_id"]!, Sandbox.AdobeDemoOrders.Due(order))));
        Assert.All(orders.Matched, order => Assert.Equal(Sandbox.AdobeDemoOrders.Due(order), invoices[(string)order["increment_id"]!]["AMTATI"]!.GetValue<decimal>()));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        sandbox.X3.SeedDelivery("DLV0103", "000000103", today, "UPS", "1Z0103", confirmed: true, [("CHAIR-RED-M", 3m), ("YOGA-MAT", 1m), ("YOGA-BLOCK", 2m), ("YOGA-STRAP", 1m)]);
        sandbox.X3.SeedDelivery("DLV0104", "000000104", today, "UPS", "1Z0104", confirmed: true, [("MONITOR-ARM", 1m), ("CABLE-TRAY", 2m)]);
        await app.Services.GetRequiredService<FlowPoller>().PollAsync("x3-adobe-fulfillment", CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        Assert.Equal(["complete", "complete"], new[] { "000000103", "000000104" }.Select(number => (string?)sandbox.Adobe.GetOrder(number)!["state"]));
        // One bundle and three chairs (not 4 + 3 components); the desk kit's two options by their own items.
        Assert.Equal(
            ["1,2", "1,3"],
            sandbox.Adobe.Store.ShipRequests().Select(request => string.Join(",", request["items"]!.AsArray().Select(item => item!["qty"]!.GetValue<decimal>()).Order())).Order());
    }

    [Fact]
    public async Task Orders_whose_webhook_never_arrived_reach_x3_when_resent_from_commerce()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, _) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        var orders = Sandbox.AdobeDemoOrders.Seed(sandbox);
        sandbox.Adobe.SeedOrder(new SimulatedOrder("000000109", null, [new SimulatedOrderLine("ITM-DEMO-1", "Demo widget", 1, 25m)]) { PaymentMethod = "checkmo" });
        var resend = app.Services.GetRequiredService<MlConnector.Flows.AdobeCommerceX3.CommerceOrderResend>();

        var named = await resend.ResendAsync(["000000103", "000000999"], createdSince: null, CancellationToken.None);
        var since = await resend.ResendAsync([], DateTimeOffset.Parse("2025-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        Assert.Equal(["000000103"], named.Admitted);
        Assert.Equal(["000000999"], named.NotFound);
        Assert.Equal(["000000101", "000000103", "000000104", "000000102"], since.Admitted);
        Assert.Equal(1, since.WithoutPurchaseOrder);
        var invoices = sandbox.X3.SupplierInvoices().ToDictionary(row => row["YEXTREF"]!.ToString());
        Assert.Equal(3, invoices.Count);
        Assert.All(orders.Matched, order => Assert.Equal(Sandbox.AdobeDemoOrders.Due(order), invoices[(string)order["increment_id"]!]["AMTATI"]!.GetValue<decimal>()));
    }

    /// <summary>The real local runtime (HTTP listener, queue workers) on a free loopback port, wired to the sandbox.</summary>
    private async Task<(WebApplication App, Uri Webhook)> StartRuntimeAsync(Sandbox.Sandbox sandbox)
    {
        var port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.Settings(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10], TempFolder())).Build();
        var app = LocalRuntime.Build(configuration, $"http://127.0.0.1:{port}");
        await sandbox.StoreSecretsAsync(app.Services.GetRequiredService<ISecretStore>(), CancellationToken.None);
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{port}/api/webhooks/adobe-commerce"));
    }

    private static void SeedX3(Sandbox.Sandbox sandbox, int orders)
    {
        sandbox.X3.SeedSupplier("SUPWEB", "Web supplier");
        sandbox.X3.SeedProduct("ITM-W1", "Widget");
        sandbox.X3.SeedGlAccount("60710", "Purchases");
        for (var i = 1; i <= orders; i++)
        {
            sandbox.X3.SeedPurchaseOrder("SUPWEB", DateOnly.FromDateTime(DateTime.UtcNow), [new X3Line(1, "ITM-W1", "Widget", 1, "UN", 10m, "60710")], number: $"POWEB{i:D4}");
        }
    }

    private static SimulatedOrder Order(int i, string purchaseOrder) =>
        new(Increment(i), purchaseOrder, [new SimulatedOrderLine("ITM-W1", "Widget", 1, 10m)]);

    private static string Increment(int i) => $"0001{i:D5}";

    private static async Task WaitForQueuesAsync(IServiceProvider services)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await services.GetRequiredService<PipelineBacklog>().WaitUntilEmptyAsync(timeout.Token);
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "mlc-tests", Guid.NewGuid().ToString("N"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
