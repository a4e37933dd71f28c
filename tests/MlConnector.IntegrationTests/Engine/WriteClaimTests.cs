using MlConnector.Pipeline.Records;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>One write of a record at a time: a newer version never races the older one's call to the target.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WriteClaimTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_version_admitted_while_the_previous_one_is_being_written_waits_and_then_updates_what_it_created()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Sink.Delay = TimeSpan.FromSeconds(2);
        harness.Source.Put("acme-1");

        var firstSync = harness.SyncAsync();
        await harness.Sink.FirstWriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Source.Put("acme-1", """{"changed":true}""");
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        await firstSync;
        await harness.DrainAsync();

        Assert.Equal(1, harness.Sink.MostConcurrentWritesOfOneRecord);
        var writes = harness.Sink.Writes.Where(write => write.SourceKey == "acme-1").ToList();
        Assert.Equal(["v1", "v2"], writes.Select(write => write.SourceVersion));
        Assert.Null(writes[0].ExistingTargetId);
        Assert.Equal("T-acme-1", writes[1].ExistingTargetId);

        var row = await harness.RecordAsync("acme-1");
        Assert.Equal(RecordStatus.Written, row.StatusValue);
        Assert.Equal("v2", row.WrittenVersion);
        Assert.Null(row.WriteClaimId);
        var history = await harness.Records.HistoryAsync(PipelineHarness.FlowName, "acme-1", CancellationToken.None);
        Assert.Contains(history, entry => entry.Reason?.Contains("one write of a record at a time", StringComparison.Ordinal) == true);
        Assert.Contains(history, entry => entry.SourceVersion == "v1" && entry.Reason?.Contains("version v2 was admitted while version v1 was being written", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_claim_left_by_a_writer_that_died_holds_the_record_until_it_lapses_and_the_next_write_looks_first()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        await harness.SyncAsync();

        // A writer of this record claimed it and was killed before it could release the claim.
        var row = await harness.RecordAsync("acme-1");
        var deadWriter = WriteClaim.Take("v1", harness.Time.GetUtcNow(), TimeSpan.FromMinutes(5));
        await harness.Records.ClaimWriteAsync(PipelineHarness.FlowName, "acme-1", deadWriter, row.ETag, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Source.Put("acme-1", """{"changed":true}""");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Poller.PollAsync(PipelineHarness.FlowName, CancellationToken.None);
        var drain = harness.DrainAsync();
        await WaitForHistoryAsync(harness, "acme-1", "one write of a record at a time");
        Assert.DoesNotContain(harness.Sink.Writes, write => write.SourceVersion == "v2");

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await drain;

        var second = Assert.Single(harness.Sink.Writes, write => write.SourceKey == "acme-1" && write.SourceVersion == "v2");
        Assert.True(second.PreviousAttemptAmbiguous);
        Assert.Equal("T-acme-1", second.ExistingTargetId);
        Assert.Equal("v2", (await harness.RecordAsync("acme-1")).WrittenVersion);
    }

    private static async Task WaitForHistoryAsync(PipelineHarness harness, string key, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await harness.Records.HistoryAsync(PipelineHarness.FlowName, key, timeout.Token)).Any(entry => entry.Reason?.Contains(reason, StringComparison.Ordinal) == true))
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
