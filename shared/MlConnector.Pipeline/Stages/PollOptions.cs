namespace MlConnector.Pipeline.Stages;

/// <param name="Since">A backfill: read changes from this instant and leave the saved cursor untouched.</param>
public sealed record PollOptions(DateTimeOffset? Since = null)
{
    public static PollOptions Scheduled { get; } = new();

    public bool IsBackfill => Since is not null;
}

/// <summary>What a poll did, for the CLI, the logs and the cursor row.</summary>
public sealed record PollSummary(
    string Flow,
    int Pages,
    int RecordsRead,
    int Enqueued,
    int SkippedUnchanged,
    int RejectsRetried,
    int StalledRecovered,
    string? CursorBefore,
    string? CursorAfter,
    TimeSpan Duration);

public sealed record PollProgress(int Pages, int RecordsRead, int Enqueued);
