using Azure.Data.Tables;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>Rows an earlier version stored in its hash-bucket partitions stay readable after an upgrade: they are moved, not orphaned.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordPartitionMigrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_record_written_in_the_old_layout_is_found_after_the_move_and_is_not_written_again()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

        // As the previous version left it: bucket partition "<flow>~NN", the record row with one inline entry, one archived entry.
        var legacyPartition = $"{PipelineHarness.FlowName}~03";
        await harness.Storage.Records.AddEntityAsync(new TableEntity(legacyPartition, RecordKeys.RecordRowKey("acme-1"))
        {
            ["Flow"] = PipelineHarness.FlowName,
            ["SourceKey"] = "acme-1",
            ["Status"] = nameof(RecordStatus.Written),
            ["SourceVersion"] = "v1",
            ["WrittenVersion"] = "v1",
            ["TargetId"] = "T-acme-1",
            ["CorrelationId"] = "c1",
            ["UpdatedAt"] = at,
            [InlineHistory.PropertyName(new HistoryEntry("write", "Written", "v1", 1, "T-acme-1", null, "c1", at))] =
                InlineHistory.Serialize(new HistoryEntry("write", "Written", "v1", 1, "T-acme-1", null, "c1", at)),
        });
        await harness.Storage.Records.AddEntityAsync(HistoryEntity.Archive(legacyPartition, PipelineHarness.FlowName, "acme-1", new HistoryEntry("intake", "Received", "v1", 1, null, null, "c1", at.AddSeconds(-1))));
        var migration = harness.Get<RecordPartitionMigration>();
        Assert.False(await migration.EnsureCurrentAsync([PipelineHarness.FlowName], move: false, CancellationToken.None));

        Assert.True(await migration.EnsureCurrentAsync([PipelineHarness.FlowName], move: true, CancellationToken.None));

        var row = await harness.RecordAsync("acme-1");
        Assert.Equal("T-acme-1", row.TargetId);
        var history = await harness.Records.HistoryAsync(PipelineHarness.FlowName, "acme-1", CancellationToken.None);
        Assert.Equal(["intake", "write"], history.Select(entry => entry.Stage));
        Assert.True(await migration.EnsureCurrentAsync([PipelineHarness.FlowName], move: false, CancellationToken.None));

        // The source still has version v1: a poll finds it written and the target is not called.
        harness.Source.Put("acme-1");
        await harness.SyncAsync();
        Assert.Equal(0, harness.Sink.WritesOf("acme-1"));
    }
}
