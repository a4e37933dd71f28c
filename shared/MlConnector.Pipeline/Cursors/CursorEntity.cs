using Azure;
using Azure.Data.Tables;

namespace MlConnector.Pipeline.Cursors;

/// <summary>One row per flow stream: where the next poll starts, and what the last run did.</summary>
public sealed class CursorEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>An ISO 8601 instant (timestamp cursors) or the source's token (opaque cursors); empty reads from the beginning.</summary>
    public string Value { get; set; } = string.Empty;

    public DateTimeOffset? LastRunStartedAt { get; set; }

    public DateTimeOffset? LastRunFinishedAt { get; set; }

    public int LastRunRecordsRead { get; set; }

    public int LastRunEnqueued { get; set; }

    public string? LastRunError { get; set; }

    /// <summary>The newest source change seen, for the lag metric.</summary>
    public DateTimeOffset? NewestChangeSeen { get; set; }
}
