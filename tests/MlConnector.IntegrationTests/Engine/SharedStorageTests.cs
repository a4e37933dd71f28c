using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Stages;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>Several runtimes on one storage account: each tick of a schedule runs once, and the one that loses says so quietly.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedStorageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Tick = new(2026, 11, 23, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_tick_of_a_flows_schedule_is_polled_once_however_many_runtimes_ask()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");

        var runtimes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.Poller.PollTickAsync(PipelineHarness.FlowName, Tick, CancellationToken.None)));
        var late = await harness.Poller.PollTickAsync(PipelineHarness.FlowName, Tick, CancellationToken.None);
        var next = await harness.Poller.PollTickAsync(PipelineHarness.FlowName, Tick.AddMinutes(15), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Single(runtimes, summary => summary is not null);
        Assert.Null(late);
        Assert.NotNull(next);
        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
    }

    [Fact]
    public async Task A_poll_whose_cursor_another_runtime_moved_meanwhile_ends_quietly_without_recording_a_failure()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.SyncAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Source.Put("acme-2");
        var cursors = harness.Get<CursorStore>();

        // Another runtime saves the cursor while this poll is between its read and its save.
        harness.Source.AfterPage = async _ =>
        {
            var current = await cursors.GetAsync(PipelineHarness.FlowName, "items", CancellationToken.None);
            await cursors.SaveAsync(PipelineHarness.FlowName, "items", new CursorEntity { Value = current!.Value }, current.ETag, CancellationToken.None);
        };
        var summary = await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        harness.Source.AfterPage = null;
        await harness.DrainAsync();

        Assert.Null(summary.CursorAfter);
        Assert.Null((await cursors.GetAsync(PipelineHarness.FlowName, "items", CancellationToken.None))!.LastRunError);
        Assert.Equal(1, harness.Sink.WritesOf("acme-2"));
    }
}
