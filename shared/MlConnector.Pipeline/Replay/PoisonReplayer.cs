using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Replay;

/// <summary>
/// Replay = requeue poison messages onto their stage's queue (all, one flow's, or one record's), once the
/// downstream problem is fixed. Messages that do not match the filter stay in poison untouched.
/// </summary>
public sealed class PoisonReplayer(PipelineStorage storage, RecordStore records, ILogger<PoisonReplayer> logger)
{
    private static readonly TimeSpan HoldWhileScanning = TimeSpan.FromMinutes(2);

    public async Task<ReplayResult> ReplayAsync(ReplayFilter filter, CancellationToken cancellationToken)
    {
        var replayed = new List<string>();
        var map = filter.Queue is null or PipelineQueue.Map ? await ReplayQueueAsync(PipelineQueue.Map, filter, replayed, cancellationToken) : 0;
        var write = filter.Queue is null or PipelineQueue.Write ? await ReplayQueueAsync(PipelineQueue.Write, filter, replayed, cancellationToken) : 0;
        return new ReplayResult(map, write) { Records = replayed };
    }

    public async Task<IReadOnlyList<PoisonEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var entries = new List<PoisonEntry>();
        foreach (var queue in new[] { PipelineQueue.Map, PipelineQueue.Write })
        {
            var peeked = await storage.PoisonQueueFor(queue).PeekMessagesAsync(Math.Min(max, 32), cancellationToken);
            foreach (var message in peeked.Value)
            {
                entries.Add(TryDecode(message.Body) is { } envelope
                    ? new PoisonEntry(queue, envelope.Flow, envelope.SourceKey, envelope.SourceVersion)
                    : new PoisonEntry(queue, "?", "(not an envelope)", string.Empty));
            }
        }

        return entries;
    }

    private async Task<int> ReplayQueueAsync(PipelineQueue queue, ReplayFilter filter, List<string> replayedKeys, CancellationToken cancellationToken)
    {
        QueueClient poison = storage.PoisonQueueFor(queue);
        QueueClient target = storage.QueueFor(queue);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var replayed = 0;
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, HoldWhileScanning, cancellationToken)).Value;
            if (batch.Length == 0 || batch.All(message => seen.Contains(message.MessageId)))
            {
                break;
            }

            foreach (var message in batch)
            {
                seen.Add(message.MessageId);
                var envelope = TryDecode(message.Body);
                if (envelope is null || !filter.Matches(envelope))
                {
                    // Not ours to replay: make it visible again at once for other readers.
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                    continue;
                }

                await target.SendEnvelopeAsync(message.Body, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                await MarkReplayedAsync(envelope, queue, filter.Actor, cancellationToken);
                replayedKeys.Add(envelope.SourceKey);
                replayed++;
            }
        }

        logger.LogInformation("Replayed {Count} messages from {Queue}", replayed, poison.Name);
        return replayed;
    }

    private async Task MarkReplayedAsync(PipelineMessage envelope, PipelineQueue queue, string actor, CancellationToken cancellationToken) =>
        await records.ApplyAsync(envelope.Flow, envelope.SourceKey, new RecordUpdate
        {
            Stage = "replay",
            Status = queue == PipelineQueue.Map ? RecordStatus.Received : RecordStatus.Mapped,
            SourceVersion = envelope.SourceVersion,
            CorrelationId = envelope.CorrelationId,
            Attempt = envelope.Attempt,
            Reason = $"requeued from poison by {actor}",
        }, ifMatch: null, cancellationToken);

    private static PipelineMessage? TryDecode(BinaryData body)
    {
        try
        {
            return MessageCodec.Decode(body);
        }
        catch (MalformedMessageException)
        {
            return null;
        }
    }
}

/// <summary>All poison messages, or those of one flow, one record, one queue.</summary>
public sealed record ReplayFilter(string? Flow = null, string? RecordKey = null, PipelineQueue? Queue = null)
{
    /// <summary>Who asked, for the record's history.</summary>
    public string Actor { get; init; } = "an operator";

    public bool Matches(PipelineMessage message) =>
        (Flow is null || string.Equals(Flow, message.Flow, StringComparison.Ordinal)) &&
        (RecordKey is null || string.Equals(RecordKey, message.SourceKey, StringComparison.Ordinal));
}

public sealed record ReplayResult(int FromMapPoison, int FromWritePoison)
{
    /// <summary>The source keys of the messages requeued.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    public int Total => FromMapPoison + FromWritePoison;
}

public sealed record PoisonEntry(PipelineQueue Queue, string Flow, string SourceKey, string SourceVersion);
