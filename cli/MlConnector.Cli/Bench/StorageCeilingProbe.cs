using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MlConnector.Pipeline.Messages;

namespace MlConnector.Cli.Bench;

/// <summary>
/// The reference the pipeline's storage traffic is judged against: how many single operations this Azurite, on
/// this machine, answers per second when callers do nothing else. After an uncounted warm-up, queue operations (send,
/// receive, delete cycles on a shallow queue) and table upserts (one row per partition, as record rows are kept) are
/// measured apart (the pipeline's traffic is roughly half of each), each at several caller counts: Azurite's rate does
/// not simply grow with callers, and the pipeline itself keeps dozens of requests open, so the best rate seen is the ceiling.
/// </summary>
public sealed class StorageCeilingProbe(string connectionString, IReadOnlyList<int> callerCounts, TimeSpan phaseDuration, TimeSpan warmUp)
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
            // Not counted: the first requests pay for connections, JIT and Azurite's own start-up.
            await RunPhaseAsync(callerCounts.Max(), (_, _, ct) => CycleAsync(queue, ct), warmUp, cancellationToken);
            await RunPhaseAsync(callerCounts.Max(), (caller, sequence, ct) => UpsertAsync(table, caller, -1 - sequence, ct), warmUp, cancellationToken);
            var samples = new List<CeilingSample>();
            foreach (var callers in callerCounts)
            {
                var sends = await RunPhaseAsync(callers, (_, _, ct) => CycleAsync(queue, ct), phaseDuration, cancellationToken);
                var upserts = await RunPhaseAsync(callers, (caller, sequence, ct) => UpsertAsync(table, caller, sequence, ct), phaseDuration, cancellationToken);
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

    /// <summary>
    /// A send, a receive and a delete, as a message's life in the pipeline is: the queue stays as shallow as the pipeline
    /// keeps its own (Azurite's queue operations slow down with every message a queue holds). Three operations.
    /// </summary>
    private static async Task<int> CycleAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        await queue.SendEnvelopeAsync(MessageBody, cancellationToken);
        var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        foreach (var message in received)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }

        return 2 + received.Length;
    }

    /// <summary>One row per partition, as record rows are stored (<see cref="MlConnector.Pipeline.Records.RecordKeys"/>).</summary>
    private static async Task<int> UpsertAsync(TableClient table, int caller, long sequence, CancellationToken cancellationToken)
    {
        var key = $"caller{caller}-{sequence.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)}";
        await table.UpsertEntityAsync(
            new TableEntity(key, "r|" + key)
            {
                ["Status"] = "Written",
                ["Summary"] = "ceiling probe row",
                ["UpdatedAt"] = DateTimeOffset.UtcNow,
            },
            TableUpdateMode.Merge,
            cancellationToken);
        return 1;
    }

    /// <summary>Operations per second of <paramref name="callers"/> callers repeating <paramref name="operation"/> (which returns how many it made).</summary>
    private static async Task<double> RunPhaseAsync(int callers, Func<int, long, CancellationToken, Task<int>> operation, TimeSpan phaseDuration, CancellationToken cancellationToken)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                for (long sequence = 0; clock.Elapsed < phaseDuration; sequence++)
                {
                    Interlocked.Add(ref completed, await operation(caller, sequence, cancellationToken));
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        return Interlocked.Read(ref completed) / clock.Elapsed.TotalSeconds;
    }
}
