using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
