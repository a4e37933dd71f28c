using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Http;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>
/// What the intake refuses or drops, on Azurite: keys no table can hold, deliveries older than the admitted version,
/// authenticated bodies that cannot be read; and a maintenance sweep that one bad flow cannot stop.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeGuardTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_delivery_that_meets_a_brief_storage_outage_is_stored_when_storage_is_back_instead_of_refused()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Storage.Payloads.DeleteAsync();

        var answer = PostAsync(harness, """{"key":"acme-9","version":"v1"}""", signed: true);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(answer.IsCompleted, "the delivery was answered while storage was still down");
        await harness.Storage.Payloads.CreateIfNotExistsAsync();

        Assert.IsType<OkObjectResult>(await answer.WaitAsync(TimeSpan.FromSeconds(10)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await harness.Records.GetAsync(PipelineHarness.WebhookFlowName, "acme-9", timeout.Token) is null)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task A_polled_record_with_a_5000_character_key_is_rejected_with_the_reason_and_its_page_is_written()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var longKey = "acme-" + new string('x', 5000);
        foreach (var key in new[] { "acme-1", longKey, "acme-2" })
        {
            harness.Source.Put(key);
        }

        await harness.SyncAsync();

        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
        Assert.Equal(1, harness.Sink.WritesOf("acme-2"));
        Assert.Equal(0, harness.Sink.WritesOf(longKey));
        var rejected = await harness.RecordAsync(longKey);
        Assert.Equal(RecordStatus.Rejected, rejected.StatusValue);
        Assert.Equal(longKey, rejected.SourceKey);
        Assert.Contains("5005 characters long", rejected.Reason, StringComparison.Ordinal);
        var rejects = await harness.Get<PipelineStatusReader>().RejectsAsync(PipelineHarness.FlowName, CancellationToken.None);
        Assert.Equal(longKey, Assert.Single(rejects).SourceKey);

        // Retried on the next sync like every reject, and rejected again with the same reason instead of reaching the target.
        await harness.SyncAsync();
        Assert.Equal(0, harness.Sink.WritesOf(longKey));
        Assert.Contains("5005 characters long", (await harness.RecordAsync(longKey)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_older_delivery_is_dropped_with_a_history_entry_and_the_newer_version_stays_written()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var forwarder = harness.Get<InboxForwarder>();
        var v1 = Delivery("acme-7", "v1", Monday);
        var v2 = Delivery("acme-7", "v2", Monday.AddMinutes(5));

        await forwarder.ForwardAsync(PipelineHarness.WebhookFlowName, [Batch(v1)], CancellationToken.None);
        await harness.DrainAsync();
        await forwarder.ForwardAsync(PipelineHarness.WebhookFlowName, [Batch(v2)], CancellationToken.None);
        await harness.DrainAsync();
        var replayed = await forwarder.ForwardAsync(PipelineHarness.WebhookFlowName, [Batch(v1)], CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal(0, replayed);
        Assert.Equal(["v1", "v2"], harness.Sink.Writes.Select(write => write.SourceVersion));
        var row = await harness.Records.GetAsync(PipelineHarness.WebhookFlowName, "acme-7", CancellationToken.None);
        Assert.Equal("v2", row!.WrittenVersion);
        Assert.Equal(RecordStatus.Written, row.StatusValue);
        var history = await harness.Records.HistoryAsync(PipelineHarness.WebhookFlowName, "acme-7", CancellationToken.None);
        var dropped = history[^1];
        Assert.Equal("v1", dropped.SourceVersion);
        Assert.Contains("version v2", dropped.Reason, StringComparison.Ordinal);
        Assert.Contains("newer and already admitted", dropped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_versions_delivered_out_of_order_in_one_batch_admit_the_newer()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);

        await harness.Get<InboxForwarder>().ForwardAsync(
            PipelineHarness.WebhookFlowName, [Batch(Delivery("acme-8", "v2", Monday.AddMinutes(5)), Delivery("acme-8", "v1", Monday))], CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal("v2", Assert.Single(harness.Sink.Writes).SourceVersion);
    }

    [Fact]
    public async Task One_flow_whose_sweep_fails_does_not_stop_the_sweep_of_the_others()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var inbox = harness.Get<WebhookInbox>();
        await harness.Storage.Payloads.GetBlobClient($"{WebhookInbox.Prefix}{PipelineHarness.FlowName}/20261123T090000000-garbage.jsonl")
            .UploadAsync(BinaryData.FromString("this is not a json line\n"));
        await inbox.StoreAsync(PipelineHarness.WebhookFlowName, [Delivery("acme-9", "v1", Monday)], CancellationToken.None);
        harness.Time.Advance(harness.Get<InboxForwarder>().LeftoverAge + TimeSpan.FromMinutes(1));

        var sweep = await harness.Get<PipelineMaintenance>().RunAsync(CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal([PipelineHarness.FlowName], sweep.FailedFlows);
        Assert.Equal(1, sweep.InboxLeftoversForwarded);
        Assert.Equal(1, harness.Sink.WritesOf("acme-9"));
    }

    [Fact]
    public async Task An_authenticated_delivery_the_parser_cannot_read_is_a_400_with_the_reason_not_a_500()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);

        var result = await PostAsync(harness, """{"key":"acme-1","version":"v1","explode":true}""", signed: true);

        var problem = AssertProblem(result, StatusCodes.Status400BadRequest);
        Assert.Contains("did not expect", problem.Detail, StringComparison.Ordinal);
        var refusals = await harness.Get<RefusalAudit>().RecentAsync(PipelineHarness.WebhookFlowName, 10, CancellationToken.None);
        Assert.Contains("did not expect", Assert.Single(refusals).Reason, StringComparison.Ordinal);
        Assert.True(await harness.Get<WebhookInbox>().IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_authenticated_body_that_is_not_valid_utf8_is_refused_before_it_is_read()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        var body = Encoding.UTF8.GetBytes("""{"key":"acme-1","version":"v1","note":"caf""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var result = await PostAsync(harness, body, signed: true);

        var problem = AssertProblem(result, StatusCodes.Status400BadRequest);
        Assert.Contains("UTF-8", problem.Detail, StringComparison.Ordinal);
        Assert.True(await harness.Get<WebhookInbox>().IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_whose_record_key_no_table_can_hold_is_a_400_naming_the_limit()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        var key = new string('7', 5000);

        var result = await PostAsync(harness, JsonSerializer.Serialize(new { key, version = "v1" }), signed: true);

        var problem = AssertProblem(result, StatusCodes.Status400BadRequest);
        Assert.Contains($"at most {RecordKeys.MaxSourceKeyLength}", problem.Detail, StringComparison.Ordinal);
        Assert.True(await harness.Get<WebhookInbox>().IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_unsigned_delivery_is_refused_before_its_body_is_checked()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);

        var result = await PostAsync(harness, new byte[] { 0xFF, 0xFE }, signed: false);

        AssertProblem(result, StatusCodes.Status401Unauthorized);
    }

    private static SourceRecord Delivery(string key, string version, DateTimeOffset modifiedAt) =>
        new(key, version, modifiedAt, JsonSerializer.SerializeToElement(new { key, version }));

    private static InboxBatch Batch(params SourceRecord[] records) => new("not-stored", PipelineHarness.WebhookFlowName, records);

    private static Task<IActionResult> PostAsync(PipelineHarness harness, string body, bool signed) => PostAsync(harness, Encoding.UTF8.GetBytes(body), signed);

    private static Task<IActionResult> PostAsync(PipelineHarness harness, byte[] body, bool signed)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        if (signed)
        {
            context.Request.Headers[ScriptedWebhookSource.Header] = ScriptedWebhookSource.Secret;
        }

        return harness.Get<WebhookEndpoint>().HandleAsync(PipelineHarness.WebhookFlowName, context.Request, CancellationToken.None);
    }

    private static ProblemDetails AssertProblem(IActionResult result, int status)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        return Assert.IsType<ProblemDetails>(objectResult.Value);
    }
}
