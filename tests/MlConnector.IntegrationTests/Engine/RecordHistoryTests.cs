using Azure.Data.Tables;
using MlConnector.Pipeline.Records;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>A record's lineage on Azurite: entries ride on the row, and a long history moves to archive rows intact.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordHistoryTests(AzuriteFixture azurite)
{
    private const string Key = "PO/2024#7";

    [Fact]
    public async Task Each_change_adds_one_history_entry_in_the_same_request_as_the_status()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        var records = harness.Records;

        await records.ApplyAsync(PipelineHarness.FlowName, Key, Update("intake", RecordStatus.Received, attempt: 1), ifMatch: null, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await records.ApplyAsync(PipelineHarness.FlowName, Key, Update("write", RecordStatus.Written, attempt: 1, targetId: "X3-PO-1"), ifMatch: null, CancellationToken.None);

        var history = await records.HistoryAsync(PipelineHarness.FlowName, Key, CancellationToken.None);
        Assert.Equal(["intake", "write"], history.Select(entry => entry.Stage));
        Assert.Equal(["Received", "Written"], history.Select(entry => entry.Status));
        Assert.Equal("X3-PO-1", history[1].TargetId);
        Assert.Empty(await ArchivedRowsAsync(harness));
    }

    [Fact]
    public async Task A_long_history_moves_to_archive_rows_when_read_and_loses_no_entry()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        var records = harness.Records;
        const int changes = RecordStore.InlineHistoryLimit + 8;
        for (var attempt = 1; attempt <= changes; attempt++)
        {
            await records.ApplyAsync(PipelineHarness.FlowName, Key, Update("map", RecordStatus.Rejected, attempt, reason: $"no supplier mapping, try {attempt}"), ifMatch: null, CancellationToken.None);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var row = await records.GetAsync(PipelineHarness.FlowName, Key, CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal(RecordStatus.Rejected, row.StatusValue);
        Assert.Equal($"no supplier mapping, try {changes}", row.Reason);
        Assert.Equal(changes, (await ArchivedRowsAsync(harness)).Count);
        var history = await records.HistoryAsync(PipelineHarness.FlowName, Key, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, changes), history.Select(entry => entry.Attempt));

        // The ETag handed back is the rewritten row's: a conditional change made with it succeeds.
        await records.ApplyAsync(PipelineHarness.FlowName, Key, Update("reprocess", RecordStatus.Received, changes + 1), row.ETag, CancellationToken.None);
        Assert.Equal(changes + 1, (await records.HistoryAsync(PipelineHarness.FlowName, Key, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_short_history_is_left_on_the_row_when_read()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        for (var attempt = 1; attempt <= RecordStore.InlineHistoryLimit; attempt++)
        {
            await harness.Records.ApplyAsync(PipelineHarness.FlowName, Key, Update("map", RecordStatus.Mapped, attempt), ifMatch: null, CancellationToken.None);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await harness.Records.GetAsync(PipelineHarness.FlowName, Key, CancellationToken.None);

        Assert.Empty(await ArchivedRowsAsync(harness));
        Assert.Equal(RecordStore.InlineHistoryLimit, (await harness.Records.HistoryAsync(PipelineHarness.FlowName, Key, CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("O'Brien's PO")]
    [InlineData("x' or RowKey ge '")]
    public async Task A_key_with_quotes_reads_its_own_archived_history_and_nothing_else(string quotedKey)
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        const int changes = RecordStore.InlineHistoryLimit + 4;
        foreach (var key in new[] { quotedKey, "x" })
        {
            for (var attempt = 1; attempt <= changes; attempt++)
            {
                await harness.Records.ApplyAsync(PipelineHarness.FlowName, key, Update("map", RecordStatus.Rejected, attempt, reason: key), ifMatch: null, CancellationToken.None);
                harness.Time.Advance(TimeSpan.FromSeconds(1));
            }

            await harness.Records.GetAsync(PipelineHarness.FlowName, key, CancellationToken.None);
        }

        var history = await harness.Records.HistoryAsync(PipelineHarness.FlowName, quotedKey, CancellationToken.None);

        Assert.Equal(changes, history.Count);
        Assert.All(history, entry => Assert.Equal(quotedKey, entry.Reason));
    }

    private static async Task<List<TableEntity>> ArchivedRowsAsync(PipelineHarness harness)
    {
        var partition = harness.Records.Keys.PartitionKey(PipelineHarness.FlowName, Key);
        var filter = $"PartitionKey eq '{partition}' and {RecordKeys.HistoryRangeFilter(Key)}";
        var rows = new List<TableEntity>();
        await foreach (var row in harness.Storage.Records.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static RecordUpdate Update(string stage, RecordStatus status, int attempt, string? targetId = null, string? reason = null) => new()
    {
        Stage = stage,
        Status = status,
        SourceVersion = "v1",
        CorrelationId = "corr-1",
        Attempt = attempt,
        TargetId = targetId,
        Reason = reason,
    };
}
