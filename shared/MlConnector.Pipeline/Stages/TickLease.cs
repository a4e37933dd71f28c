using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Makes each tick of a schedule (a flow's poll, the maintenance sweep) run once however many runtimes share the storage
/// account: the runtime that takes the job's lease blob (<c>locks/&lt;job&gt;</c>) runs it and records the tick on the
/// blob; the others see the lease taken or the tick done and skip it quietly. A runtime that dies mid-run stops
/// renewing, its lease lapses within <see cref="Duration"/>, and the next tick runs as usual.
/// </summary>
public sealed class TickLease(PipelineStorage storage, ILogger<TickLease> logger)
{
    /// <summary>Blob leases last 15 to 60 s or forever; a finite one cannot outlive a dead runtime.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    private const string LastTickKey = "lasttick";

    /// <summary>The turn to run <paramref name="job"/> for <paramref name="tick"/>, or null when another runtime has it or had it.</summary>
    public async Task<TickTurn?> TryTakeAsync(string job, DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var blob = storage.Payloads.GetBlobClient($"locks/{TableKeys.Escape(job)}");
        await EnsureExistsAsync(blob, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            logger.LogInformation("{Job} at {Tick:O} is being run by another runtime on this storage account; skipped here", job, tick);
            return null;
        }

        var turn = new TickTurn(blob, lease, logger);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.Metadata.TryGetValue(LastTickKey, out var last) &&
            DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var lastTick) && lastTick >= tick)
        {
            logger.LogInformation("{Job} at {Tick:O} was already run by another runtime on this storage account; skipped here", job, tick);
            await turn.DisposeAsync();
            return null;
        }

        turn.StartRenewing();
        return turn;
    }

    private static async Task EnsureExistsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (possibly leased by another runtime right now).
        }
    }

    /// <summary>A runtime's turn at one tick: renewed while held, marked done on success, released on dispose.</summary>
    public sealed class TickTurn : IAsyncDisposable
    {
        private readonly BlobClient _blob;
        private readonly BlobLeaseClient _lease;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _stop = new();
        private Task _renewing = Task.CompletedTask;

        internal TickTurn(BlobClient blob, BlobLeaseClient lease, ILogger logger)
        {
            _blob = blob;
            _lease = lease;
            _logger = logger;
        }

        /// <summary>Records <paramref name="tick"/> as done, so a runtime arriving late for it skips it.</summary>
        public async Task CompleteAsync(DateTimeOffset tick, CancellationToken cancellationToken) =>
            await _blob.SetMetadataAsync(
                new Dictionary<string, string> { [LastTickKey] = tick.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) },
                new BlobRequestConditions { LeaseId = _lease.LeaseId },
                cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException ex)
            {
                // Lost already (storage restarted, renewal failed): it lapses by itself.
                _logger.LogDebug("Releasing the lease of {Blob} failed: {Error}", _blob.Name, ex.Message);
            }
        }

        internal void StartRenewing() => _renewing = Task.Run(RenewAsync);

        private async Task RenewAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Duration / 3, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (RequestFailedException ex)
                {
                    _logger.LogWarning("Could not renew the lease of {Blob} ({Error}); another runtime may take over the job", _blob.Name, ex.Message);
                }
            }
        }
    }
}
