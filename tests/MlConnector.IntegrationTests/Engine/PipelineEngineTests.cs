using System.Text.Json;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.IntegrationTests.Engine;

[Collection(AzuriteCollection.Name)]
public sealed class PipelineEngineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Records_flow_from_source_to_target_once_each_with_lineage()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        foreach (var key in new[] { "acme-1", "acme-2", "acme-3" })
        {
            harness.Source.Put(key);
        }

        var summary = await harness.SyncAsync();

        Assert.Equal(3, summary.Enqueued);
        Assert.All(new[] { "acme-1", "acme-2", "acme-3" }, key => Assert.Equal(1, harness.Sink.WritesOf(key)));
        var row = await harness.RecordAsync("acme-2");
        Assert.Equal(RecordStatus.Written, row.StatusValue);
        Assert.Equal("T-acme-2", row.TargetId);
        var history = await harness.Records.HistoryAsync(PipelineHarness.FlowName, "acme-2", CancellationToken.None);
        Assert.Equal(["intake", "map", "write"], history.Select(entry => entry.Stage));
        Assert.Equal("T-acme-2", history[^1].TargetId);
    }

    [Fact]
    public async Task A_record_modified_during_a_poll_is_read_by_the_next_poll()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-a");
        harness.Source.Put("acme-b");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Source.Put("acme-c");
        harness.Source.Put("acme-d");
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        // While the poll is between pages: "acme-a" (already read) changes, then "acme-d" (not yet read) changes later still.
        harness.Source.AfterPage = page =>
        {
            if (page == 1)
            {
                harness.Source.Put("acme-a", """{"changed":true}""");
                harness.Time.Advance(TimeSpan.FromSeconds(5));
                harness.Source.Put("acme-d", """{"changed":true}""");
            }

            return Task.CompletedTask;
        };
        await harness.SyncAsync();
        harness.Source.AfterPage = null;
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        await harness.SyncAsync();

        var latestA = harness.Sink.Writes.Last(write => write.SourceKey == "acme-a");
        Assert.Equal("v2", latestA.SourceVersion);
        Assert.Equal(1, harness.Sink.Writes.Count(write => write.SourceKey == "acme-d" && write.SourceVersion == "v2"));
    }

    [Fact]
    public async Task A_crash_after_enqueueing_but_before_the_cursor_moved_loses_nothing_and_writes_nothing_twice()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        foreach (var key in new[] { "acme-1", "acme-2", "acme-3", "acme-4", "acme-5" })
        {
            harness.Source.Put(key);
        }

        harness.Source.CrashAfterPages = 1;
        await Assert.ThrowsAsync<IOException>(() => harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None));
        await harness.DrainAsync();
        var cursor = await harness.Get<MlConnector.Pipeline.Cursors.CursorStore>().GetAsync(PipelineHarness.FlowName, "items", CancellationToken.None);
        Assert.Equal(string.Empty, cursor!.Value);
        Assert.Contains("simulated crash", cursor.LastRunError, StringComparison.Ordinal);

        await harness.SyncAsync();

        Assert.All(new[] { "acme-1", "acme-2", "acme-3", "acme-4", "acme-5" }, key => Assert.Equal(1, harness.Sink.WritesOf(key)));
    }

    [Fact]
    public async Task A_write_message_delivered_again_after_its_write_succeeded_is_not_written_again()
    {
        // The write queue's own path: without straight-through writes every mapped record goes through it.
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString, settings: new() { ["Pipeline:StraightThroughWrites"] = "false" });
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        var mapMessage = (await harness.Storage.MapQueue.ReceiveMessageAsync()).Value;
        await harness.Get<MapStage>().HandleAsync(mapMessage.Body, 1, CancellationToken.None);
        var writeMessage = (await harness.Storage.WriteQueue.ReceiveMessageAsync()).Value;
        var write = harness.Get<WriteStage>();

        await write.HandleAsync(writeMessage.Body, 1, CancellationToken.None);
        await write.HandleAsync(writeMessage.Body, 2, CancellationToken.None);

        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
    }

    [Fact]
    public async Task A_map_message_delivered_again_after_its_straight_through_write_is_not_written_again()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        var mapMessage = (await harness.Storage.MapQueue.ReceiveMessageAsync()).Value;
        var map = harness.Get<MapStage>();

        await map.HandleAsync(mapMessage.Body, 1, CancellationToken.None);
        await map.HandleAsync(mapMessage.Body, 2, CancellationToken.None);
        await harness.Storage.MapQueue.DeleteMessageAsync(mapMessage.MessageId, mapMessage.PopReceipt);
        await harness.DrainAsync();

        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
        Assert.Equal(RecordStatus.Written, (await harness.RecordAsync("acme-1")).StatusValue);
        Assert.Null((await harness.Storage.WriteQueue.PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_straight_through_write_interrupted_after_the_mapped_update_is_looked_up_before_it_is_written_again()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        var mapMessage = (await harness.Storage.MapQueue.ReceiveMessageAsync()).Value;
        harness.Sink.FailWith = new TargetWriteException("connection reset while X3 was answering", isTransient: true, statusCode: null);
        await harness.Get<MapStage>().HandleAsync(mapMessage.Body, 1, CancellationToken.None);
        harness.Sink.FailWith = null;

        // The first delivery handed the record to the write queue; a second delivery of the map message (its delete was lost)
        // finds the row Mapped and sends its own write message. Each write message is then handled in turn.
        await harness.Get<MapStage>().HandleAsync(mapMessage.Body, 2, CancellationToken.None);
        await harness.Storage.MapQueue.DeleteMessageAsync(mapMessage.MessageId, mapMessage.PopReceipt);
        var writeMessages = (await harness.Storage.WriteQueue.ReceiveMessagesAsync(maxMessages: 10)).Value;
        foreach (var writeMessage in writeMessages)
        {
            await harness.Get<WriteStage>().HandleAsync(writeMessage.Body, 1, CancellationToken.None);
        }

        Assert.Equal(2, writeMessages.Length);
        Assert.Equal(RecordStatus.Written, (await harness.RecordAsync("acme-1")).StatusValue);
        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
        Assert.True(harness.Sink.Writes.Single().PreviousAttemptAmbiguous, "the write after a dropped connection must look for the earlier one first");
    }

    [Fact]
    public async Task A_message_failing_five_times_lands_in_poison_with_its_last_error_and_replay_writes_it()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        harness.Sink.FailWith = new TargetWriteException("X3 answered 503 Service Unavailable", isTransient: true, statusCode: 503);

        await harness.SyncAsync();

        Assert.Equal(1, await harness.PoisonDepthAsync(PipelineQueue.Write));
        var failed = await harness.RecordAsync("acme-1");
        Assert.Equal(RecordStatus.Failed, failed.StatusValue);
        Assert.Equal(5, failed.Attempts);
        Assert.Contains("failed 5 times", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("503 Service Unavailable", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Sink.Writes);

        harness.Sink.FailWith = null;
        var replayed = await harness.Get<PoisonReplayer>().ReplayAsync(new ReplayFilter(Flow: PipelineHarness.FlowName), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal(1, replayed.FromWritePoison);
        Assert.Equal(0, await harness.PoisonDepthAsync(PipelineQueue.Write));
        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
        Assert.Equal(RecordStatus.Written, (await harness.RecordAsync("acme-1")).StatusValue);
    }

    [Fact]
    public async Task A_permanent_refusal_goes_to_poison_at_once_with_the_targets_message()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        harness.Sink.FailWith = new TargetWriteException("Supplier SUP01 is blocked", isTransient: false, statusCode: 400);

        await harness.SyncAsync();

        var row = await harness.RecordAsync("acme-1");
        Assert.Equal(RecordStatus.Failed, row.StatusValue);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("Supplier SUP01 is blocked", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await harness.PoisonDepthAsync(PipelineQueue.Write));
    }

    [Fact]
    public async Task A_200_KB_payload_goes_through_the_claim_check_and_leaves_only_the_kept_document_behind()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "big", "SUP01", CancellationToken.None);
        var text = new string('x', 200 * 1024);
        harness.Source.Put("big-1", JsonSerializer.Serialize(new { text }));

        await harness.SyncAsync();

        var written = Assert.Single(harness.Sink.Writes);
        Assert.Equal(text, written.Document.Body.GetProperty("payload").GetProperty("text").GetString());
        var blobs = new List<string>();
        await foreach (var blob in harness.Storage.Payloads.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        // No claim-check blob remains; the mapped document is kept for the operator console (one blob per record, overwritten by each version).
        var kept = Assert.Single(blobs);
        Assert.StartsWith("documents/", kept, StringComparison.Ordinal);
        Assert.EndsWith("/big-1.json", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_with_slashes_backslashes_hashes_and_question_marks_round_trip()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "odd/\\#?", "SUP/01", CancellationToken.None);
        const string key = "odd/\\#?-PO/2024#7?x\\y%|~";
        harness.Source.Put(key);

        await harness.SyncAsync();

        Assert.Equal(1, harness.Sink.WritesOf(key));
        var row = await harness.RecordAsync(key);
        Assert.Equal(key, row.SourceKey);
        Assert.Equal(RecordStatus.Written, row.StatusValue);
    }

    [Fact]
    public async Task A_rejected_record_is_retried_on_the_next_sync_and_written_once_its_mapping_exists()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        harness.Source.Put("globex-9");

        await harness.SyncAsync();

        var rejected = await harness.RecordAsync("globex-9");
        Assert.Equal(RecordStatus.Rejected, rejected.StatusValue);
        Assert.Equal("Vendor 'globex' has no supplier: add it to the test-supplier mapping", rejected.Reason);
        Assert.Empty(harness.Sink.Writes);

        await harness.Mappings.SetAsync(PrefixMapper.Table, "globex", "SUP77", CancellationToken.None);
        var second = await harness.SyncAsync();

        Assert.Equal(1, second.RejectsRetried);
        Assert.Equal(1, harness.Sink.WritesOf("globex-9"));
        Assert.Equal("SUP77", harness.Sink.Writes[0].Document.Body.GetProperty("supplier").GetString());
        Assert.Equal(RecordStatus.Written, (await harness.RecordAsync("globex-9")).StatusValue);

        await harness.SyncAsync();
        Assert.Equal(1, harness.Sink.WritesOf("globex-9"));
    }

    [Fact]
    public async Task A_backfill_reads_from_its_date_and_leaves_the_saved_cursor_untouched()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.SyncAsync();
        var cursors = harness.Get<MlConnector.Pipeline.Cursors.CursorStore>();
        var before = (await cursors.GetAsync(PipelineHarness.FlowName, "items", CancellationToken.None))!.Value;

        var backfill = await harness.Poller.RunAsync(PipelineHarness.FlowName, new PollOptions(Since: DateTimeOffset.UnixEpoch), null, CancellationToken.None);

        Assert.Equal(1, backfill.RecordsRead);
        Assert.Equal(0, backfill.Enqueued);
        Assert.Equal(before, (await cursors.GetAsync(PipelineHarness.FlowName, "items", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Stopping_the_workers_mid_write_lets_the_write_finish_and_loses_no_message()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        foreach (var key in new[] { "acme-1", "acme-2", "acme-3" })
        {
            harness.Source.Put(key);
        }

        harness.Sink.Delay = TimeSpan.FromMilliseconds(700);
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var running = harness.Workers.RunAsync(stop.Token);
        await harness.Sink.FirstWriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await stop.CancelAsync();
        await running;

        // Whatever was in flight finished and was recorded; nothing half-done stays invisible on the queue.
        Assert.NotEmpty(harness.Sink.Writes);
        foreach (var write in harness.Sink.Writes)
        {
            Assert.Equal(RecordStatus.Written, (await harness.RecordAsync(write.SourceKey)).StatusValue);
        }

        harness.Sink.Delay = TimeSpan.Zero;
        await harness.DrainAsync();
        Assert.All(new[] { "acme-1", "acme-2", "acme-3" }, key => Assert.Equal(1, harness.Sink.WritesOf(key)));
    }
}
