using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;

namespace MlConnector.Pipeline.Intake;

/// <summary>
/// Acknowledges webhooks quickly by group commit: deliveries that arrive while a write is in flight wait
/// together and land in the inbox as one blob, instead of costing three storage calls each. A delivery is
/// acknowledged once its batch is durable; the forwarder then admits it into the pipeline.
/// </summary>
public sealed class WebhookIntake : IAsyncDisposable
{
    /// <summary>Inbox writes in flight at once: enough to keep storage busy while the next batch gathers.</summary>
    private const int Committers = 4;

    private const int MaxRecordsPerBatch = 200;

    private readonly WebhookInbox _inbox;
    private readonly InboxForwarder _forwarder;
    private readonly ILogger<WebhookIntake> _logger;
    private readonly Channel<PendingRecord> _pending = Channel.CreateUnbounded<PendingRecord>();
    private readonly Task[] _committers;

    public WebhookIntake(WebhookInbox inbox, InboxForwarder forwarder, ILogger<WebhookIntake> logger)
    {
        _inbox = inbox;
        _forwarder = forwarder;
        _logger = logger;
        _committers = Enumerable.Range(0, Committers).Select(_ => Task.Run(CommitLoopAsync)).ToArray();
    }

    /// <summary>Returns once the record is durably stored; throws if storage refused it (nothing was stored).</summary>
    public async Task AcceptAsync(string flow, SourceRecord record, CancellationToken cancellationToken)
    {
        var pending = new PendingRecord(flow, record);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(WebhookIntake), "The webhook intake is shutting down.");
        }

        await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_committers);
    }

    private async Task CommitLoopAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<PendingRecord>(MaxRecordsPerBatch);
            while (batch.Count < MaxRecordsPerBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await Task.WhenAll(batch.GroupBy(pending => pending.Flow, StringComparer.Ordinal).Select(flow => CommitAsync(flow.Key, flow.ToList())));
        }
    }

    private async Task CommitAsync(string flow, IReadOnlyList<PendingRecord> batch)
    {
        try
        {
            var stored = await _inbox.StoreAsync(flow, batch.Select(pending => pending.Record).ToList(), CancellationToken.None);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult();
            }

            _forwarder.Post(stored);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not store {Count} webhook deliveries for {Flow} in the inbox; their senders are told to retry", batch.Count, flow);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(ex);
            }
        }
    }

    private sealed record PendingRecord(string Flow, SourceRecord Record)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
