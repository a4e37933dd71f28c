using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MlConnector.Pipeline.Messages;

namespace MlConnector.Cli.Bench;

/// <summary>
/// The reference the pipeline's storage traffic is judged against: how many single operations this Azurite, on
/// this machine, answers per second when callers do nothing else. Queue sends and table upserts are measured
/// apart (the pipeline's traffic is roughly half of each), each at several caller counts: Azurite's rate does not
/// simply grow with callers, and the pipeline itself keeps dozens of requests open, so the best rate seen is the ceiling.
/// </summary>
public sealed class StorageCeilingProbe(string connectionString, IReadOnlyList<int> callerCounts, TimeSpan phaseDuration)
{
    /// <summary>About the size of a pipeline envelope, so a send costs what the pipeline's sends cost.</summary>
    private static readonly BinaryData MessageBody = BinaryData.FromString(new string('x', 600));

    public async Task<StorageCeiling> MeasureAsync(CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var queue = new QueueClient(connectionString, "ceiling" + suffix, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var table = new TableClient(connectionString, "ceiling" + suffix);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var samples = new List<CeilingSample>();
            foreach (var callers in callerCounts)
            {
                var sends = await RunPhaseAsync(callers, (_, _, ct) => queue.SendEnvelopeAsync(MessageBody, ct), cancellationToken);
                var upserts = await RunPhaseAsync(callers, (caller, sequence, ct) => UpsertAsync(table, caller, sequence, ct), cancellationToken);
                samples.Add(new CeilingSample(callers, sends, upserts));
            }

            return new StorageCeiling(samples);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    private static Task UpsertAsync(TableClient table, int caller, long sequence, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(
            new TableEntity($"caller{caller}", sequence.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))
            {
                ["Status"] = "Written",
                ["Summary"] = "ceiling probe row",
                ["UpdatedAt"] = DateTimeOffset.UtcNow,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private async Task<double> RunPhaseAsync(int callers, Func<int, long, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                for (long sequence = 0; clock.Elapsed < phaseDuration; sequence++)
                {
                    await operation(caller, sequence, cancellationToken);
                    Interlocked.Increment(ref completed);
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        return Interlocked.Read(ref completed) / clock.Elapsed.TotalSeconds;
    }
}
