using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Functions.ContractTests.Host;
using MlConnector.Functions.ContractTests.Rpc;
using MlConnector.Functions.ContractTests.Support;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;
using MlConnector.Simulators.AdobeCommerce;
using MlConnector.Simulators.Procurify.Seeding;
using MlConnector.Simulators.Stedi;
using NCrontab;
using X3Line = MlConnector.Simulators.SageX3.SimulatedOrderLine;

namespace MlConnector.Functions.ContractTests;

/// <summary>Real flows through the worker: invoked as the host invokes them, against the simulators and Azurite.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class FlowThroughWorkerTests(SandboxWorkerFixture worker)
{
    private readonly PipelineDriver _pipeline = new(worker);

    private TableMappingTables Mappings => worker.Storage.GetRequiredService<TableMappingTables>();

    [Fact]
    public async Task The_worker_creates_its_queues_tables_and_container_at_start()
    {
        var names = new StorageNames(string.Empty);
        var queues = new QueueServiceClient(worker.StorageConnectionString);
        var tables = new TableServiceClient(worker.StorageConnectionString);
        var blobs = new BlobServiceClient(worker.StorageConnectionString);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        string[] missing = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            var queueNames = await queues.GetQueuesAsync().Select(q => q.Name).ToListAsync();
            var tableNames = await tables.QueryAsync().Select(t => t.Name).ToListAsync();
            var containers = await blobs.GetBlobContainersAsync().Select(c => c.Name).ToListAsync();
            missing =
            [
                .. new[] { names.MapQueue, names.WriteQueue, names.MapPoisonQueue, names.WritePoisonQueue }.Except(queueNames),
                .. new[] { names.CursorsTable, names.RecordsTable, names.MappingsTable }.Except(tableNames),
                .. new[] { names.PayloadContainer }.Except(containers),
            ];
            if (missing.Length == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Not created by the worker: {string.Join(", ", missing)}\n{worker.Host.Channel.LogText()}");
    }

    [Fact]
    public async Task A_timer_invocation_of_procurify_x3_writes_its_orders_to_x3_straight_through_the_map_function()
    {
        var scenario = await worker.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 2, UnmappableShare = 0 }, Mappings, CancellationToken.None);
        var schedule = CrontabSchedule.Parse(worker.Settings["ProcurifyX3_Schedule"], new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var now = DateTime.UtcNow;
        var timer = worker.Host.Function("ProcurifyX3Poll");

        var poll = await worker.Host.InvokeAsync(timer.Name, [TriggerInputs.Timer(timer.TriggerParameter, now.AddHours(-1), schedule.GetNextOccurrence(now))]);

        AssertSucceeded(poll);
        var envelopes = await _pipeline.PeekMapEnvelopesAsync();
        Assert.Equal(scenario.MappablePurchaseOrders.Order(), envelopes.Select(e => e.GetProperty("sourceKey").GetString()!).Order());
        var stages = await _pipeline.RunAsync();
        Assert.Equal(3, stages.Count(s => s.Function == "MapQueue"));

        // Each order is mapped on its first pass and written by the map function itself (Pipeline__StraightThroughWrites):
        // the write queue is left for writes that failed there.
        Assert.Equal(0, stages.Count(s => s.Function == "WriteQueue"));
        Assert.All(stages, stage => AssertSucceeded(stage.Answer));
        var records = worker.Storage.GetRequiredService<RecordStore>();
        foreach (var number in scenario.MappablePurchaseOrders)
        {
            Assert.Single(worker.Sandbox.X3.FindByExternalReference("PORDER", number));
            Assert.Equal(nameof(RecordStatus.Written), (await records.GetAsync("procurify-x3", number, CancellationToken.None))?.Status);
        }
    }

    [Fact]
    public async Task A_signed_adobe_commerce_order_webhook_is_admitted_and_becomes_an_x3_supplier_invoice()
    {
        worker.Sandbox.X3.SeedSupplier("SUPWEB", "Storefront supplier");
        worker.Sandbox.X3.SeedProduct("ITM-WEB-1", "Web widget");
        worker.Sandbox.X3.SeedGlAccount("60710", "Purchases of goods");
        worker.Sandbox.X3.SeedPurchaseOrder("SUPWEB", DateOnly.FromDateTime(DateTime.UtcNow), [new X3Line(1, "ITM-WEB-1", "Web widget", 2, "UN", 30m, "60710")], number: "POWEB0001");
        await Mappings.SetAsync("product-glaccount", "ITM-WEB-1", "60710", CancellationToken.None);
        var order = worker.Sandbox.Adobe.SeedOrder(new SimulatedOrder("000000501", "POWEB0001", [new SimulatedOrderLine("ITM-WEB-1", "Web widget", 2, 30m)]));
        var invoicesBefore = worker.Sandbox.X3.SupplierInvoices().Count;

        var sent = await worker.Sandbox.Adobe.SendOrderWebhookAsync(new Uri(worker.Host.FrontDoor, "api/webhooks/adobe-commerce"), order, WebhookSigningScheme.CommerceRsa);

        Assert.Equal(200, sent.StatusCode);
        AssertSucceeded(LastCall("AdobeCommerceWebhook").Invocation);
        await _pipeline.WaitForMapEnvelopeAsync("adobe-commerce-x3");
        Assert.All(await _pipeline.RunAsync(), stage => AssertSucceeded(stage.Answer));
        Assert.Equal(invoicesBefore + 1, worker.Sandbox.X3.SupplierInvoices().Count);
    }

    [Fact]
    public async Task A_tampered_adobe_commerce_webhook_is_answered_success_so_the_checkout_goes_on_and_is_recorded_not_admitted()
    {
        var order = worker.Sandbox.Adobe.SeedOrder(new SimulatedOrder("000000502", "POWEB0002", [new SimulatedOrderLine("ITM-WEB-1", "Web widget", 1, 30m)]));

        var sent = await worker.Sandbox.Adobe.SendOrderWebhookAsync(new Uri(worker.Host.FrontDoor, "api/webhooks/adobe-commerce"), order, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { TamperBody = true });

        // The webhooks module calls inside the shopper's checkout: a refusal is answered {"op":"success"} (docs/adobe-commerce.md).
        Assert.Equal((200, """{"op":"success"}""", false), (sent.StatusCode, sent.ResponseBody, sent.BlocksCheckout));
        var call = LastCall("AdobeCommerceWebhook");
        Assert.Equal(200, call.WorkerStatusCode);
        AssertSucceeded(call.Invocation);
        var refusals = await worker.Storage.GetRequiredService<RefusalAudit>().RecentAsync("adobe-commerce-x3", 20, CancellationToken.None);
        Assert.Contains(refusals, refusal => refusal.Reason.Contains("signature does not match", StringComparison.Ordinal));
        Assert.DoesNotContain(await _pipeline.PeekMapEnvelopesAsync(), e => e.GetProperty("sourceKey").GetString()!.Contains("000000502", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stedi_855_webhook_is_admitted_and_confirms_the_x3_purchase_order()
    {
        var orders = await worker.Sandbox.SeedStediAsync(ediOrders: 1, paperOrders: 0, Mappings, new Uri(worker.Host.FrontDoor, "api/webhooks/stedi"), CancellationToken.None);

        worker.Sandbox.Stedi.ReceiveFromPartner(MlConnector.Sandbox.Sandbox.StediPartnership, "855", PartnerDocuments.Acknowledgment(orders[0], item: "ITM-EDI1"));
        await worker.Sandbox.Stedi.WebhooksIdleAsync();

        Assert.Contains(worker.Sandbox.Stedi.Store.Deliveries, delivery => delivery.Status == 200);
        AssertSucceeded(LastCall("StediWebhook").Invocation);
        await _pipeline.WaitForMapEnvelopeAsync("stedi-x3");
        Assert.All(await _pipeline.RunAsync(), stage => AssertSucceeded(stage.Answer));
        Assert.False(string.IsNullOrEmpty(worker.Sandbox.X3.Find("PORDER", orders[0])?["YACKSTA"]?.ToString()));
    }

    [Fact]
    public async Task Admin_status_answers_a_signed_in_reader_and_refuses_an_anonymous_caller()
    {
        using var http = new HttpClient { BaseAddress = worker.Host.FrontDoor };
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "api/admin/status");
        signedIn.Headers.Add(EasyAuthFrontEnd.PrincipalHeader, EasyAuthFrontEnd.SignedIn("reader@contoso.example", "Reader"));

        using var answered = await http.SendAsync(signedIn);
        using var refused = await http.GetAsync(new Uri("api/admin/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var status = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(status.GetProperty("flows").EnumerateArray(), flow => flow.GetProperty("name").GetString() == "procurify-x3");
        AssertSucceeded(LastCall("AdminStatus").Invocation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_operator_console_page_lists_the_flows_for_a_signed_in_reader_through_its_catch_all_route()
    {
        using var http = new HttpClient { BaseAddress = worker.Host.FrontDoor };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/console/");
        request.Headers.Add(EasyAuthFrontEnd.PrincipalHeader, EasyAuthFrontEnd.SignedIn("reader@contoso.example", "Reader"));

        using var page = await http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.True(page.StatusCode == HttpStatusCode.OK, $"console answered {page.StatusCode}: {html}");
        Assert.Contains("procurify-x3", html, StringComparison.Ordinal);
        AssertSucceeded(LastCall("OperatorConsole").Invocation);
    }

    private ProxiedCall LastCall(string function) => worker.Host.ProxiedCalls.Last(call => call.Function == function);

    private void AssertSucceeded(InvocationResponse answer) =>
        Assert.True(answer.Result.Status == StatusResult.Types.Status.Success,
            $"Invocation {answer.InvocationId} failed: {answer.Result.Exception?.Message}\n{answer.Result.Exception?.StackTrace}\n{worker.Host.Channel.LogText(answer.InvocationId)}");
}
