using MlConnector.Core.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>A target that says "later" (an open breaker, 429 with Retry-After) delays records without poisoning them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BusyTargetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Writes_refused_by_an_open_breaker_wait_it_out_without_spending_attempts_and_all_land()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var keys = Enumerable.Range(1, 20).Select(i => $"acme-{i}").ToList();
        keys.ForEach(key => harness.Source.Put(key));

        // Far more refusals than 5 deliveries per record: every record meets the busy target several times.
        harness.Sink.BusyFor(calls: 120, new TargetBusyException("X3 failed repeatedly (circuit open)", TimeSpan.FromMilliseconds(200)));
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        await harness.Workers.DrainAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(0, await harness.PoisonDepthAsync(PipelineQueue.Write));
        Assert.All(keys, key => Assert.Equal(1, harness.Sink.WritesOf(key)));
        var row = await harness.RecordAsync("acme-3");
        Assert.Equal(RecordStatus.Written, row.StatusValue);
        Assert.Equal(1, row.Attempts);
        var history = await harness.Records.HistoryAsync(PipelineHarness.FlowName, "acme-3", CancellationToken.None);
        Assert.Contains(history, entry => entry.Stage == "write" && entry.Reason?.Contains("without spending an attempt", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_record_that_waited_longer_than_allowed_spends_attempts_again()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString, settings: new() { ["Pipeline:MaxDeferralMinutes"] = "0" });
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        harness.Sink.BusyFor(calls: 1000, new TargetBusyException("X3 answered 429 asking to retry after 1 s", TimeSpan.FromMilliseconds(100)));

        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        await harness.Workers.DrainAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(1, await harness.PoisonDepthAsync(PipelineQueue.Write));
        var row = await harness.RecordAsync("acme-1");
        Assert.Equal(RecordStatus.Failed, row.StatusValue);
        Assert.Contains("retry after 1 s", row.Reason, StringComparison.Ordinal);
    }
}
