namespace MlConnector.Core.Flows;

/// <summary>A polled source: reads the records changed since a position, one page at a time.</summary>
public interface ISourceStream
{
    StreamDefinition Definition { get; }

    /// <summary>
    /// Reads every record changed at or after <paramref name="from"/>, page by page. A page is yielded only
    /// once it is complete, so the engine can enqueue it and then move the cursor past it.
    /// </summary>
    IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, CancellationToken cancellationToken);
}

/// <summary>Where a read starts: a time (timestamp cursors) or the source's own token (opaque cursors); both null reads everything.</summary>
public sealed record StreamPosition(DateTimeOffset? Since, string? Token)
{
    public static StreamPosition Beginning { get; } = new(null, null);
}

/// <summary>One page of records; <paramref name="ResumeToken"/> is where an opaque cursor resumes after this page.</summary>
public sealed record SourcePage(IReadOnlyList<SourceRecord> Records, string? ResumeToken = null);
