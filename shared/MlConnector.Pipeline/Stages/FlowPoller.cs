using Azure;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The intake for polled flows: reads the source from the saved cursor (minus the overlap window), admits
/// each page, and moves the cursor only after the page's records are enqueued. Rejected records of the flow
/// are retried on every run, and records stalled in intake are recovered.
/// </summary>
public sealed class FlowPoller(
    FlowCatalog catalog,
    CursorStore cursors,
    RecordAdmission admission,
    RecordRecovery recovery,
    IntakeBacklogGate backlog,
    TickLease ticks,
    TimeProvider time,
    PipelineMetrics metrics,
    RunLog runLog,
    ILogger<FlowPoller> logger)
{
    /// <summary>The scheduled run (timer functions and the local runtime's timers).</summary>
    public Task<PollSummary> PollAsync(string flowName, CancellationToken cancellationToken) =>
        RunAsync(flowName, PollOptions.Scheduled, progress: null, cancellationToken);

    /// <summary>
    /// The scheduled run for one tick of the flow's schedule, once across every runtime on the storage account
    /// (<see cref="TickLease"/>); null when another runtime has or had this tick.
    /// </summary>
    public async Task<PollSummary?> PollTickAsync(string flowName, DateTimeOffset tick, CancellationToken cancellationToken)
    {
        await using var turn = await ticks.TryTakeAsync("poll-" + flowName, tick, cancellationToken);
        if (turn is null)
        {
            return null;
        }

        var summary = await PollAsync(flowName, cancellationToken);
        await turn.CompleteAsync(tick, cancellationToken);
        logger.LogInformation("Poll of {Flow} for the {Tick:O} tick ran here", flowName, tick);
        return summary;
    }

    public async Task<PollSummary> RunAsync(string flowName, PollOptions options, IProgress<PollProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOnceAsync(flowName, options, progress, cancellationToken);
        }
        catch (CursorConflictException conflict)
        {
            // Not a failure: another runtime polled the same source meanwhile, and its cursor stands.
            logger.LogInformation("Poll of {Flow} stopped: {Reason}", flowName, conflict.Message);
            return new PollSummary(flowName, 0, 0, 0, 0, 0, 0, null, null, TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or UnknownFlowException))
        {
            logger.LogError(ex, "Poll of {Flow} failed; records enqueued before the failure stay enqueued and the cursor stays before them", flowName);
            try
            {
                var failedAt = time.GetUtcNow();
                await cursors.RecordFailureAsync(flowName, catalog.Parts(flowName).Source.Definition.Name, failedAt, ex.Message, CancellationToken.None);
                await runLog.RecordAsync(new FlowRun(flowName, failedAt, failedAt, 0, 0, null, ex.Message), CancellationToken.None);
            }
            catch (Exception recordError)
            {
                logger.LogError(recordError, "Could not record the failed poll of {Flow}", flowName);
            }

            throw;
        }
    }

    private async Task<PollSummary> RunOnceAsync(string flowName, PollOptions options, IProgress<PollProgress>? progress, CancellationToken cancellationToken)
    {
        var parts = catalog.Parts(flowName);
        var stream = parts.Source;
        var definition = stream.Definition;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Flow"] = flowName });
        using var activity = PipelineMetrics.ActivitySource.StartActivity("poll " + flowName);
        var startedAt = time.GetUtcNow();

        var cursor = await cursors.GetAsync(flowName, definition.Name, cancellationToken);
        ETag? cursorETag = cursor?.ETag;
        var position = StartPosition(definition, cursor, options);
        var pages = 0;
        var read = 0;
        var enqueued = 0;
        var skipped = 0;
        DateTimeOffset? newestSeen = null;
        string? resumeToken = null;

        await foreach (var page in stream.ReadAsync(position, cancellationToken))
        {
            await backlog.WaitForRoomAsync(cancellationToken);
            var result = await admission.AdmitAsync(flowName, page.Records, AdmissionMode.Poll, cancellationToken);
            pages++;
            read += page.Records.Count;
            enqueued += result.Enqueued;
            skipped += result.Skipped;
            newestSeen = Max(newestSeen, page.Records.Max(record => record.ModifiedAt));
            resumeToken = page.ResumeToken ?? resumeToken;
            progress?.Report(new PollProgress(pages, read, enqueued));

            // Safe to move mid-run only when no later page can hold an older change than this one.
            if (!options.IsBackfill && (definition.OrderedByCursorField || definition.CursorKind == CursorKind.Opaque))
            {
                cursorETag = await SaveCursorAsync(flowName, definition, cursor, cursorETag, NextValue(definition, cursor, newestSeen, resumeToken, startedAt), startedAt, read, enqueued, newestSeen, cancellationToken);
            }
        }

        var cursorAfter = NextValue(definition, cursor, newestSeen, resumeToken, startedAt);
        if (!options.IsBackfill)
        {
            await SaveCursorAsync(flowName, definition, cursor, cursorETag, cursorAfter, startedAt, read, enqueued, newestSeen, cancellationToken, finished: true);
        }

        var retried = options.IsBackfill ? 0 : await recovery.RetryRejectedAsync(flowName, recordKey: null, cancellationToken);
        var recovered = await recovery.RecoverStalledAsync(flowName, cancellationToken);
        var duration = time.GetUtcNow() - startedAt;
        var lag = newestSeen is { } newest ? time.GetUtcNow() - newest : (TimeSpan?)null;
        metrics.SyncCompleted(flowName, duration, lag);
        var newestKnown = newestSeen ?? cursor?.NewestChangeSeen;
        await runLog.RecordAsync(new FlowRun(flowName, startedAt, time.GetUtcNow(), read, enqueued, newestKnown is { } known ? time.GetUtcNow() - known : null, null), cancellationToken);
        logger.LogInformation(
            "Polled {Flow}: {Pages} pages, {Read} records read, {Enqueued} enqueued, {Skipped} unchanged, {Retried} rejects retried, cursor {CursorAfter}",
            flowName, pages, read, enqueued, skipped, retried, cursorAfter);
        return new PollSummary(flowName, pages, read, enqueued, skipped, retried, recovered, cursor?.Value, options.IsBackfill ? cursor?.Value : cursorAfter, duration);
    }

    private static StreamPosition StartPosition(StreamDefinition definition, CursorEntity? cursor, PollOptions options)
    {
        if (options.Since is { } since)
        {
            return new StreamPosition(since, null);
        }

        if (cursor is null || string.IsNullOrEmpty(cursor.Value))
        {
            return StreamPosition.Beginning;
        }

        return definition.CursorKind == CursorKind.Opaque
            ? new StreamPosition(null, cursor.Value)
            : new StreamPosition(CursorStore.ParseInstant(cursor.Value) - definition.OverlapWindow, null);
    }

    /// <summary>
    /// A timestamp cursor moves to the newest change seen, but never past the moment the poll started: a record
    /// stamped while the poll ran may sit on a page already read, and must be read by the next poll.
    /// </summary>
    private static string NextValue(StreamDefinition definition, CursorEntity? cursor, DateTimeOffset? newestSeen, string? resumeToken, DateTimeOffset startedAt)
    {
        if (definition.CursorKind == CursorKind.Opaque)
        {
            return resumeToken ?? cursor?.Value ?? string.Empty;
        }

        if (newestSeen is not { } newest)
        {
            return cursor?.Value ?? string.Empty;
        }

        var previous = cursor is null ? null : CursorStore.ParseInstant(cursor.Value);
        var next = newest < startedAt ? newest : startedAt;
        return CursorStore.FormatInstant(previous is { } before && before > next ? before : next);
    }

    private async Task<ETag?> SaveCursorAsync(
        string flow, StreamDefinition definition, CursorEntity? previous, ETag? etag, string value, DateTimeOffset startedAt,
        int read, int enqueued, DateTimeOffset? newestSeen, CancellationToken cancellationToken, bool finished = false)
    {
        var entity = new CursorEntity
        {
            Value = value,
            LastRunStartedAt = startedAt,
            LastRunFinishedAt = finished ? time.GetUtcNow() : previous?.LastRunFinishedAt,
            LastRunRecordsRead = read,
            LastRunEnqueued = enqueued,
            NewestChangeSeen = newestSeen ?? previous?.NewestChangeSeen,
        };
        return await cursors.SaveAsync(flow, definition.Name, entity, etag, cancellationToken);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
