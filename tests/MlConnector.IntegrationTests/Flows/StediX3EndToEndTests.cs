using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Core.Secrets;
using MlConnector.Flows.StediX3;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.Runtime;
using MlConnector.Simulators.Stedi;

namespace MlConnector.IntegrationTests.Flows;

/// <summary>
/// X3 orders out to Stedi as 850s, and Stedi's webhooks (over real HTTP into the local runtime) back into X3 as order
/// confirmations and receipts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StediX3EndToEndTests(AzuriteFixture azurite)
{
    private const string Outbound = StediX3Flows.PurchaseOrdersName;
    private const string Inbound = StediX3Flows.InboundName;

    [Fact]
    public async Task Edi_orders_go_out_once_paper_orders_stay_quiet_and_acknowledgments_and_ship_notices_land_in_x3()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, webhook) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        var numbers = await sandbox.SeedStediAsync(ediOrders: 3, paperOrders: 2, app.Services.GetRequiredService<TableMappingTables>(), webhook, CancellationToken.None);
        var poller = app.Services.GetRequiredService<FlowPoller>();

        var first = await poller.PollAsync(Outbound, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await sandbox.Stedi.WebhooksIdleAsync();
        await WaitForQueuesAsync(app.Services);

        Assert.Equal(3, first.Enqueued);
        var interchanges = sandbox.Stedi.Store.Interchanges;
        Assert.Equal(numbers.Order(StringComparer.Ordinal), interchanges.Select(i => i.Edi.Split("BEG*00*SA*")[1].Split('*')[0]).Order(StringComparer.Ordinal));
        Assert.All(interchanges, i => Assert.Matches("^x3-stedi:POEDI000[1-3]:[0-9a-f]{16}$", i.IdempotencyKey));
        Assert.Equal(3, (await RecordsAsync(app, Outbound, RecordStatus.Written)).Count);
        Assert.Empty(await RecordsAsync(app, Outbound, RecordStatus.Rejected));

        // Stedi announces our own three 850s to the webhook too: acknowledged, not admitted.
        var outboundEvents = sandbox.Stedi.Store.Deliveries;
        Assert.Equal(3, outboundEvents.Count);
        Assert.All(outboundEvents, delivery => Assert.Equal(200, delivery.Status));
        Assert.Empty(await AllRecordsAsync(app, Inbound));

        // The partner answers: an acknowledgment for the first order, a ship notice for the second, an 855 for an order X3 lacks.
        var ackId = sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "855", PartnerDocuments.Acknowledgment(numbers[0], item: "ITM-EDI1"));
        var asnId = sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "856", PartnerDocuments.ShipNotice("SHP-0002", "ITM-EDI1", numbers[1]));
        var strayId = sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "855", PartnerDocuments.Acknowledgment("PO-NOT-IN-X3"));
        using var http = new HttpClient();
        var forged = await http.PostAsync(webhook, new StringContent("{\"event\":{}}", Encoding.UTF8, "application/json"));
        await sandbox.Stedi.WebhooksIdleAsync();
        await WaitForQueuesAsync(app.Services);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("AcceptedWithoutChange", sandbox.X3.Find("PORDER", numbers[0])?["YACKSTA"]?.ToString());
        var receipt = Assert.Single(sandbox.X3.FindByExternalReference("PRECEIPT", "SHP-0002"));
        Assert.Equal("1Z999AA10123456784", receipt["TRKNUM"]?.ToString());
        var records = app.Services.GetRequiredService<RecordStore>();
        Assert.Equal(RecordStatus.Written, (await records.GetAsync(Inbound, ackId, CancellationToken.None))!.StatusValue);
        Assert.Equal(RecordStatus.Written, (await records.GetAsync(Inbound, asnId, CancellationToken.None))!.StatusValue);
        var stray = await records.GetAsync(Inbound, strayId, CancellationToken.None);
        Assert.Equal(RecordStatus.Rejected, stray!.StatusValue);
        Assert.Contains("PO-NOT-IN-X3, which does not exist in X3", stray.Reason, StringComparison.Ordinal);

        // A repeated delivery of the ship notice writes nothing; the acknowledgment's X3 edit is not a new 850.
        var again = await sandbox.Stedi.Webhooks.RedeliverAsync(sandbox.Stedi.Store.Transaction(asnId)!);
        await WaitForQueuesAsync(app.Services);
        var rerun = await poller.RunAsync(Outbound, new PollOptions(Since: DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        Assert.Equal(200, again);
        Assert.Single(sandbox.X3.FindByExternalReference("PRECEIPT", "SHP-0002"));
        Assert.Equal(0, rerun.Enqueued);
        Assert.Equal(3, sandbox.Stedi.Store.Interchanges.Count);
    }

    [Fact]
    public async Task Validated_invoices_of_edi_customers_go_out_once_as_810s_and_drafts_and_paper_customers_wait_quietly()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, _) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        var numbers = await sandbox.SeedStediInvoicesAsync(validated: 2, app.Services.GetRequiredService<TableMappingTables>(), CancellationToken.None);
        var poller = app.Services.GetRequiredService<FlowPoller>();

        var first = await poller.PollAsync(StediX3Flows.InvoicesName, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        var rerun = await poller.RunAsync(StediX3Flows.InvoicesName, new PollOptions(Since: DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        Assert.Equal(2, first.Enqueued);
        Assert.Equal(0, rerun.Enqueued);
        var interchanges = sandbox.Stedi.Store.Interchanges;
        Assert.Equal(2, interchanges.Count);
        Assert.All(interchanges, i => Assert.Matches("^x3-stedi-invoices:SIEDI000[12]:[0-9a-f]{16}$", i.IdempotencyKey));
        var first810 = interchanges.Single(i => i.Edi.Contains("*SIEDI0001*", StringComparison.Ordinal)).Edi.Split('~');
        Assert.Contains(first810, segment => segment.StartsWith("GS*IN*", StringComparison.Ordinal));
        Assert.True(first810.Any(segment => segment.EndsWith("*SIEDI0001**ACME-PO-0001***DI", StringComparison.Ordinal)), string.Join('~', first810));
        Assert.Contains("IT1*1000*10*EA*1.25*PE*VP*ITM-EDI1", first810);
        Assert.Contains("TDS*1566", first810); // 12.50 + 2.00 + 1.16 tax = 15.66, implied decimals
        Assert.Equal(numbers.Order(StringComparer.Ordinal), (await RecordsAsync(app, StediX3Flows.InvoicesName, RecordStatus.Written)).Select(r => r.SourceKey).Order(StringComparer.Ordinal));
        Assert.Empty(await RecordsAsync(app, StediX3Flows.InvoicesName, RecordStatus.Rejected));
    }

    [Fact]
    public async Task A_guide_imported_into_storage_names_the_next_850_and_a_pallet_ship_notice_for_two_orders_becomes_two_receipts()
    {
        await using var sandbox = await Sandbox.Sandbox.StartAsync();
        var (app, webhook) = await StartRuntimeAsync(sandbox);
        await using var runtime = app;
        var numbers = await sandbox.SeedStediAsync(ediOrders: 2, paperOrders: 0, app.Services.GetRequiredService<TableMappingTables>(), webhook, CancellationToken.None);
        var guide = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Guides", "acme-850-5010.schema.json"));
        await app.Services.GetRequiredService<IGuideSchemaStore>().SaveAsync(Sandbox.Sandbox.StediPartnership, "850", guide, CancellationToken.None);
        sandbox.Stedi.UseGuide(Sandbox.Sandbox.StediPartnership, "850", "outbound", JsonNode.Parse(guide)!.AsObject(), "005010");
        var poller = app.Services.GetRequiredService<FlowPoller>();

        await poller.PollAsync(Outbound, CancellationToken.None);
        await WaitForQueuesAsync(app.Services);
        await sandbox.Stedi.WebhooksIdleAsync();
        var asnId = sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "856", PartnerDocuments.PalletShipNotice("SHP-PAL",
            (numbers[0], [[("ITM-EDI1", 4), ("ITM-EDI2", 5)], [("ITM-EDI1", 6)]]),
            (numbers[1], [[("ITM-EDI1", 20)]])));
        await sandbox.Stedi.WebhooksIdleAsync();
        await WaitForQueuesAsync(app.Services);
        await app.StopAsync();

        Assert.Equal(2, sandbox.Stedi.Store.Interchanges.Count);
        Assert.All(sandbox.Stedi.Store.Interchanges, i => Assert.True(i.Request["transactionGroups"]![0]!["transactions"]![0]!["heading"]!.AsObject().ContainsKey("party_identification_N1_loop_vendor")));
        Assert.All(sandbox.Stedi.Store.Interchanges, i => Assert.Contains("*X*005010~", i.Edi, StringComparison.Ordinal));
        var first = Assert.Single(sandbox.X3.FindByExternalReference("PRECEIPT", $"SHP-PAL/{numbers[0]}"));
        Assert.Single(sandbox.X3.FindByExternalReference("PRECEIPT", $"SHP-PAL/{numbers[1]}"));
        // The X3 simulator keeps a record's lines under "$lines".
        Assert.Equal([10m, 5m], first["$lines"]!.AsArray().Select(line => line!["QTYUOM"]!.GetValue<decimal>()));
        var record = await app.Services.GetRequiredService<RecordStore>().GetAsync(Inbound, asnId, CancellationToken.None);
        Assert.Equal(RecordStatus.Written, record!.StatusValue);
    }

    private async Task<(WebApplication App, Uri Webhook)> StartRuntimeAsync(Sandbox.Sandbox sandbox)
    {
        var port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.Settings(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10], TempFolder())).Build();
        var app = LocalRuntime.Build(configuration, $"http://127.0.0.1:{port}");
        await sandbox.StoreSecretsAsync(app.Services.GetRequiredService<ISecretStore>(), CancellationToken.None);
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{port}/api/webhooks/stedi"));
    }

    private static async Task<List<RecordEntity>> RecordsAsync(WebApplication app, string flow, RecordStatus status)
    {
        var rows = new List<RecordEntity>();
        await foreach (var row in app.Services.GetRequiredService<RecordStore>().QueryAsync(flow, status, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<List<RecordEntity>> AllRecordsAsync(WebApplication app, string flow)
    {
        var rows = new List<RecordEntity>();
        foreach (var status in Enum.GetValues<RecordStatus>())
        {
            rows.AddRange(await RecordsAsync(app, flow, status));
        }

        return rows;
    }

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
