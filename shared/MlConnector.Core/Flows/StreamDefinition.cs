namespace MlConnector.Core.Flows;

/// <summary>
/// How a source stream is read, declared once per stream so that the engine does the looping,
/// cursoring and auditing the same way for every connector.
/// </summary>
public sealed record StreamDefinition
{
    public required string Name { get; init; }

    /// <summary>Timestamp cursors store the newest change seen; opaque cursors store the source's own token.</summary>
    public CursorKind CursorKind { get; init; } = CursorKind.Timestamp;

    /// <summary>The source field the cursor follows, e.g. <c>UPDDATTIM</c> or <c>last_modified</c>. Informational.</summary>
    public required string CursorField { get; init; }

    public PaginationKind Pagination { get; init; } = PaginationKind.NextLink;

    /// <summary>Records per page the stream asks for (the source may cap it).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>
    /// How far before the saved cursor the next read starts, so that records stamped during a poll, or by a
    /// clock a little behind ours, are read again rather than skipped. Re-read versions are dropped as duplicates.
    /// </summary>
    public TimeSpan OverlapWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// True when pages come in cursor-field order, so the cursor may advance after each page;
    /// otherwise it advances only once the whole run has been enqueued.
    /// </summary>
    public bool OrderedByCursorField { get; init; }
}

public enum CursorKind
{
    Timestamp,
    Opaque,
}

public enum PaginationKind
{
    /// <summary>Follow a next link the source returns (X3 <c>$links.$next</c>, Procurify <c>next</c>).</summary>
    NextLink,

    /// <summary>1-based page numbers.</summary>
    PageNumber,

    /// <summary>1-based record index (JAGGAER <c>start</c>).</summary>
    RecordOffset,

    /// <summary>An opaque cursor token (GraphQL relay, SPS listings, Stedi page tokens).</summary>
    CursorToken,
}
