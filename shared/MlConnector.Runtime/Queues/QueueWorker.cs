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
/// A received message stays hidden while its stage runs (<see cref="MessageLease"/>). Stopping takes no new messages
/// and lets those in flight finish within <see cref="LocalRuntimeOptions.StopGraceSeconds"/>; any still running then
/// are cancelled and handed back to the queue at once, so none is lost and another runtime can take it.
/// </summary>
public sealed class QueueWorker(
    string name,
    QueueClient queue,
    QueueClient poisonQueue,
    Func<BinaryData, long, CancellationToken, Task> handler,
    QueueRules rules,
    LocalRuntimeOptions options,
    ILogger logger)
{
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
        // Cancelled when the stop grace runs out: the handlers still running give up.
        using var abandon = new CancellationTokenSource();
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
                batch = (await queue.ReceiveMessagesAsync(wanted, options.MessageLease, stopping)).Value;
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
                running.Add(ProcessAsync(message, abandon.Token));
            }
        }

        await FinishInFlightAsync(running, abandon);
    }

    /// <summary>In-flight messages get the stop grace to finish; those still running then are cancelled and released.</summary>
    private async Task FinishInFlightAsync(List<Task> running, CancellationTokenSource abandon)
    {
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(options.StopGrace)) != all)
        {
            logger.LogWarning("{Worker}: {Count} messages were still being handled {Grace} s after the stop signal; they are released to the queue", Name, InFlight, options.StopGrace.TotalSeconds);
            await abandon.CancelAsync();
        }

        await all;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken abandoned)
    {
        await Task.Yield();
        await using var lease = new MessageLease(queue, message, options.MessageLease, logger);

        // The message stops counting as in flight once its handler is done: settling it (a delete) is bookkeeping, and the
        // next message should not wait for it (a slow target's records would otherwise hold a slot through it).
        var counted = 1;
        void HandlerDone()
        {
            if (Interlocked.Exchange(ref counted, 0) == 1)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        try
        {
            if (message.DequeueCount > rules.MaxDequeueCount)
            {
                // Already failed too often (e.g. the process died mid-handling each time): poison without running it again.
                await MoveToPoisonAsync(message, lease);
                return;
            }

            Exception? failure = null;
            try
            {
                await handler(message.Body, message.DequeueCount, abandoned);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            HandlerDone();
            if (failure is null)
            {
                await SettleHandledAsync(message, lease);
            }
            else if (failure is OperationCanceledException && abandoned.IsCancellationRequested)
            {
                // Given up at the end of the stop grace: back on the queue at once for whichever runtime comes next.
                await lease.ReleaseAsync(TimeSpan.Zero);
            }
            else if (message.DequeueCount >= rules.MaxDequeueCount)
            {
                logger.LogError(failure, "{Worker}: message {MessageId} failed {Count} times; moving it to {Poison}", Name, message.MessageId, message.DequeueCount, poisonQueue.Name);
                await MoveToPoisonAsync(message, lease);
            }
            else
            {
                logger.LogWarning("{Worker}: message {MessageId} failed (attempt {Count}): {Error}", Name, message.MessageId, message.DequeueCount, failure.Message);
                await lease.ReleaseAsync(rules.VisibilityTimeout);
            }
        }
        catch (Exception ex)
        {
            // The lease expires and the message reappears: storage trouble delays it, it does not lose it.
            logger.LogError(ex, "{Worker}: could not settle message {MessageId}", Name, message.MessageId);
        }
        finally
        {
            HandlerDone();
            Interlocked.Increment(ref _handled);
        }
    }

    /// <summary>
    /// Deletes a handled message. A failed delete is not a failed message: it reappears after its lease and the
    /// stage drops it as a duplicate, so it must never count towards poison.
    /// </summary>
    private async Task SettleHandledAsync(QueueMessage message, MessageLease lease)
    {
        try
        {
            await lease.DeleteAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Worker}: message {MessageId} was handled but could not be deleted ({Error}); it will reappear and be dropped as a duplicate", Name, message.MessageId, ex.Message);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, MessageLease lease)
    {
        await poisonQueue.SendEnvelopeAsync(message.Body, CancellationToken.None);
        await lease.DeleteAsync();
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
