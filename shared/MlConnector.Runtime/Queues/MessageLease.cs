using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace MlConnector.Runtime.Queues;

/// <summary>
/// Keeps a received message hidden from other runtimes while its stage runs, renewing the hiding a third of the way
/// before it ends, and settles the message with the newest receipt (each renewal replaces the pop receipt).
/// A runtime that dies stops renewing, so its messages come back within one lease.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private string _popReceipt;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan duration, ILogger logger)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _duration = duration;
        _logger = logger;
        _renewing = Task.Run(RenewAsync);
    }

    /// <summary>Removes the handled message.</summary>
    public Task DeleteAsync() => SettleAsync(receipt => _queue.DeleteMessageAsync(_messageId, receipt, CancellationToken.None));

    /// <summary>Hands the message back to the queue, visible again after <paramref name="visibleAfter"/>.</summary>
    public Task ReleaseAsync(TimeSpan visibleAfter) =>
        SettleAsync(receipt => _queue.UpdateMessageAsync(_messageId, receipt, visibilityTimeout: visibleAfter, cancellationToken: CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        _stop.Dispose();
    }

    private async Task SettleAsync(Func<string, Task> settle)
    {
        await StopRenewingAsync();
        await settle(_popReceipt);
    }

    private async Task StopRenewingAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _renewing;
    }

    private async Task RenewAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_duration * 2 / 3, _stop.Token);
                var renewed = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _duration, cancellationToken: _stop.Token);
                _popReceipt = renewed.Value.PopReceipt;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The message may reappear for another runtime; the stages drop a version already written, so this costs time, not correctness.
                _logger.LogWarning("Could not renew the lease of message {MessageId} ({Error}); it may be handled again elsewhere", _messageId, ex.Message);
            }
        }
    }
}
