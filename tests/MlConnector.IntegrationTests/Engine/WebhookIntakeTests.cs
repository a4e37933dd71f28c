using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>The webhook inbox on Azurite: acknowledged deliveries are durable, admitted once, and never stranded.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookIntakeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concurrent_deliveries_are_stored_together_and_each_record_is_written_once_with_repeats_dropped()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var intake = harness.Get<WebhookIntake>();
        var deliveries = Enumerable.Range(1, 100).Select(i => Record($"acme-{i}"))
            .Concat(Enumerable.Range(1, 10).Select(i => Record($"acme-{i}")))
            .ToList();
        var operationsBefore = harness.Get<StorageOperationCounter>().Count;

        await Task.WhenAll(deliveries.Select(record => intake.AcceptAsync(PipelineHarness.FlowName, record, CancellationToken.None)));
        var operationsToAcknowledge = harness.Get<StorageOperationCounter>().Count - operationsBefore;
        await WaitForEmptyInboxAsync(harness);
        await harness.DrainAsync();

        // A storage write each would be 110; group commit shares them (the forwarder may have started meanwhile).
        Assert.True(operationsToAcknowledge < deliveries.Count, $"{operationsToAcknowledge} storage operations for {deliveries.Count} acknowledgments");
        Assert.All(Enumerable.Range(1, 100), i => Assert.Equal(1, harness.Sink.WritesOf($"acme-{i}")));
        Assert.Equal(RecordStatus.Written, (await harness.RecordAsync("acme-7")).StatusValue);
    }

    [Fact]
    public async Task A_batch_stored_by_a_process_that_stopped_before_forwarding_is_written_by_the_maintenance_sweep()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);

        // Stored and acknowledged, then the process died: nothing forwarded it.
        await harness.Get<WebhookInbox>().StoreAsync(PipelineHarness.FlowName, [Record("acme-lost-1"), Record("acme-lost-2")], CancellationToken.None);
        var maintenance = harness.Get<PipelineMaintenance>();
        var tooEarly = await maintenance.RunAsync(CancellationToken.None);
        var statusBefore = await harness.Get<PipelineStatusReader>().ReadAsync(CancellationToken.None);
        harness.Time.Advance(harness.Get<InboxForwarder>().LeftoverAge + TimeSpan.FromMinutes(1));
        var sweep = await maintenance.RunAsync(CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal(0, tooEarly.InboxLeftoversForwarded);
        Assert.Equal(1, Of(statusBefore).InboxBatches);
        Assert.Equal(2, sweep.InboxLeftoversForwarded);
        Assert.Equal(1, harness.Sink.WritesOf("acme-lost-1"));
        Assert.Equal(1, harness.Sink.WritesOf("acme-lost-2"));
        var statusAfter = Of(await harness.Get<PipelineStatusReader>().ReadAsync(CancellationToken.None));
        Assert.Equal(0, statusAfter.InboxBatches);
        Assert.Equal(0, Of(statusBefore).Counts[RecordStatus.Written]);
        Assert.Equal(2, statusAfter.Counts[RecordStatus.Written]);
        Assert.Equal(0, statusAfter.Counts[RecordStatus.Received]);
    }

    [Fact]
    public async Task A_delivery_storage_cannot_take_is_refused_to_its_sender_rather_than_acknowledged()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Storage.Payloads.DeleteAsync();

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => harness.Get<WebhookIntake>().AcceptAsync(PipelineHarness.FlowName, Record("acme-1"), CancellationToken.None));
    }

    private static FlowStatus Of(PipelineStatus status) => status.Flows.Single(flow => flow.Name == PipelineHarness.FlowName);

    private static SourceRecord Record(string key) =>
        new(key, "v1", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), JsonDocument.Parse("{}").RootElement.Clone());

    private static async Task WaitForEmptyInboxAsync(PipelineHarness harness)
    {
        var inbox = harness.Get<WebhookInbox>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await inbox.CountAsync(PipelineHarness.FlowName, timeout.Token) > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
