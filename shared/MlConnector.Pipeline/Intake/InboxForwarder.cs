using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Pipeline.Intake;

/// <summary>
/// Moves stored webhook batches from the inbox into the pipeline (record rows, map messages; repeats of a
/// version already admitted are dropped there), then deletes the batch. Runs right after each commit; the
/// maintenance sweep forwards whatever a stopped process left behind.
/// </summary>
public sealed class InboxForwarder : IAsyncDisposable
{

    /// <summary>
    /// Forwarding waits this long to gather the batches of a burst: fewer, larger admissions, and storage stays
    /// free for the acknowledgments the senders are waiting on.
    /// </summary>
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopping host waits for stored batches to be forwarded before leaving them to the sweep.</summary>
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(20);

    private const int MaxRecordsPerAdmission = 400;

    private readonly WebhookInbox _inbox;
    private readonly RecordAdmission _admission;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxForwarder> _logger;
    private readonly Channel<InboxBatch> _stored = Channel.CreateUnbounded<InboxBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public InboxForwarder(WebhookInbox inbox, RecordAdmission admission, IOptions<PipelineOptions> options, TimeProvider time, ILogger<InboxForwarder> logger)
    {
        LeftoverAge = TimeSpan.FromSeconds(options.Value.InboxLeftoverSeconds);
        _inbox = inbox;
        _admission = admission;
        _time = time;
        _logger = logger;
        _loop = Task.Run(ForwardLoopAsync);
    }

    /// <summary>An inbox batch older than this was not forwarded by the process that stored it (<see cref="PipelineOptions.InboxLeftoverSeconds"/>).</summary>
    public TimeSpan LeftoverAge { get; }

    /// <summary>Queues a freshly stored batch for forwarding (never delays the acknowledgment).</summary>
    public void Post(InboxBatch stored) => _stored.Writer.TryWrite(stored);

    /// <summary>Admits the batches' records (all of one flow) and deletes the batches. Returns how many records were new.</summary>
    public async Task<int> ForwardAsync(string flow, IReadOnlyList<InboxBatch> batches, CancellationToken cancellationToken)
    {
        var result = await _admission.AdmitAsync(flow, batches.SelectMany(batch => batch.Records).ToList(), AdmissionMode.Webhook, cancellationToken);
        await Task.WhenAll(batches.Select(batch => _inbox.DeleteAsync(batch, cancellationToken)));
        _logger.LogInformation("Webhook inbox of {Flow}: {Enqueued} records enqueued, {Skipped} repeats dropped", flow, result.Enqueued, result.Skipped);
        return result.Enqueued;
    }

    /// <summary>Forwards the flow's batches no live process forwarded (the maintenance sweep). Returns how many records were new.</summary>
    public async Task<int> ForwardLeftoversAsync(string flow, CancellationToken cancellationToken)
    {
        var forwarded = 0;
        await foreach (var batch in _inbox.LeftoversAsync(flow, _time.GetUtcNow() - LeftoverAge, cancellationToken))
        {
            try
            {
                forwarded += await ForwardAsync(flow, [batch], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One batch storage refuses stays for the next sweep; the batches after it are still forwarded.
                _logger.LogError(ex, "Could not forward the stored webhook batch {Batch} of {Flow}; the next sweep tries again", batch.BlobName, flow);
            }
        }

        if (forwarded > 0)
        {
            _logger.LogWarning("Forwarded {Count} webhook records of {Flow} left in the inbox by a stopped process", forwarded, flow);
        }

        return forwarded;
    }

    public async ValueTask DisposeAsync()
    {
        _stored.Writer.TryComplete();
        _stopping.CancelAfter(DrainOnStop);
        await _loop;
        _stopping.Dispose();
    }

    private async Task ForwardLoopAsync()
    {
        var reader = _stored.Reader;
        while (await reader.WaitToReadAsync())
        {
            if (!reader.Completion.IsCompleted)
            {
                await Task.Delay(GatherDelay);
            }

            var gathered = new List<InboxBatch>();
            var records = 0;
            while (records < MaxRecordsPerAdmission && reader.TryRead(out var next))
            {
                gathered.Add(next);
                records += next.Records.Count;
            }

            foreach (var flow in gathered.GroupBy(batch => batch.Flow, StringComparer.Ordinal))
            {
                try
                {
                    await ForwardAsync(flow.Key, flow.ToList(), _stopping.Token);
                }
                catch (Exception ex)
                {
                    // The batches stay in the inbox; the maintenance sweep forwards them after LeftoverAge.
                    _logger.LogWarning(ex, "Could not forward {Count} stored webhook batches of {Flow}; the maintenance sweep will", flow.Count(), flow.Key);
                }
            }
        }
    }
}
