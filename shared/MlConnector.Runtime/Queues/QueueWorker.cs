using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Messages;

namespace MlConnector.Runtime.Queues;

/// <summary>
/// Runs a stage off a queue with the Functions host's semantics: batches of <c>batchSize</c>, a new batch once
/// in-flight work drops to <c>newBatchThreshold</c>, a failed message made visible again after
/// <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failures a move to <c>&lt;queue&gt;-poison</c>.
/// Stopping lets in-flight messages finish; an unfinished one reappears on the queue, so none is lost.
/// </summary>
public sealed class QueueWorker(
    string name,
    QueueClient queue,
    QueueClient poisonQueue,
    Func<BinaryData, long, CancellationToken, Task> handler,
    QueueRules rules,
    ILogger logger)
{
    /// <summary>How long a received message stays hidden while its handler runs (the host renews; a local run finishes well within).</summary>
    private static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public string Name { get; } = name;

    /// <summary>Messages handled (successfully or not), for the CLI's progress.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Messages being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public QueueClient Queue => queue;

    private long _handled;
    private int _inFlight;

    /// <summary>Runs until <paramref name="stopping"/> fires, then waits for in-flight handlers to finish.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var running = new List<Task>();
        var idleDelay = MinPollingInterval;
        var capacity = rules.BatchSize + rules.NewBatchThreshold;
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            if (Volatile.Read(ref _inFlight) > rules.NewBatchThreshold)
            {
                await Task.WhenAny(running.Append(Task.Delay(MinPollingInterval, CancellationToken.None)));
                continue;
            }

            QueueMessage[] batch;
            try
            {
                var wanted = Math.Clamp(capacity - Volatile.Read(ref _inFlight), 1, rules.BatchSize);
                batch = (await queue.ReceiveMessagesAsync(wanted, ProcessingLease, stopping)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Receiving from {Queue} failed; retrying", queue.Name);
                await DelayAsync(rules.MaxPollingInterval, stopping);
                continue;
            }

            if (batch.Length == 0)
            {
                await DelayAsync(idleDelay, stopping);
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, rules.MaxPollingInterval.Ticks));
                continue;
            }

            idleDelay = MinPollingInterval;
            foreach (var message in batch)
            {
                Interlocked.Increment(ref _inFlight);
                running.Add(ProcessAsync(message));
            }
        }

        // Graceful shutdown: handlers run to completion with their own token, never cut mid-write.
        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        await Task.Yield();
        try
        {
            if (message.DequeueCount > rules.MaxDequeueCount)
            {
                // Already failed too often (e.g. the process died mid-handling each time): poison without running it again.
                await MoveToPoisonAsync(message);
                return;
            }

            Exception? failure = null;
            try
            {
                await handler(message.Body, message.DequeueCount, CancellationToken.None);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (failure is null)
            {
                await SettleHandledAsync(message);
            }
            else if (message.DequeueCount >= rules.MaxDequeueCount)
            {
                logger.LogError(failure, "{Worker}: message {MessageId} failed {Count} times; moving it to {Poison}", Name, message.MessageId, message.DequeueCount, poisonQueue.Name);
                await MoveToPoisonAsync(message);
            }
            else
            {
                logger.LogWarning("{Worker}: message {MessageId} failed (attempt {Count}): {Error}", Name, message.MessageId, message.DequeueCount, failure.Message);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: rules.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The lease expires and the message reappears: storage trouble delays it, it does not lose it.
            logger.LogError(ex, "{Worker}: could not settle message {MessageId}", Name, message.MessageId);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _handled);
        }
    }

    /// <summary>
    /// Deletes a handled message. A failed delete is not a failed message: it reappears after its lease and the
    /// stage drops it as a duplicate, so it must never count towards poison.
    /// </summary>
    private async Task SettleHandledAsync(QueueMessage message)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Worker}: message {MessageId} was handled but could not be deleted ({Error}); it will reappear and be dropped as a duplicate", Name, message.MessageId, ex.Message);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        await poisonQueue.SendEnvelopeAsync(message.Body, CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
