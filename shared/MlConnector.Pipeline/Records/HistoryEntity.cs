using Azure;
using Azure.Data.Tables;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// An archived history entry: lineage from source id to target id, moved off a record row whose inline history
/// grew long (<see cref="InlineHistory"/>). It lives in the record row's partition, so the move is one transaction.
/// </summary>
public sealed class HistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Flow { get; set; } = string.Empty;

    public string SourceKey { get; set; } = string.Empty;

    public string Stage { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string SourceVersion { get; set; } = string.Empty;

    public int Attempt { get; set; }

    public string? TargetId { get; set; }

    public string? Reason { get; set; }

    public string CorrelationId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public static HistoryEntity Archive(string partitionKey, string flow, string sourceKey, HistoryEntry entry) => new()
    {
        PartitionKey = partitionKey,
        RowKey = RecordKeys.HistoryRowKey(sourceKey, entry.At, entry.Stage, entry.Attempt),
        Flow = flow,
        SourceKey = sourceKey,
        Stage = entry.Stage,
        Status = entry.Status,
        SourceVersion = entry.SourceVersion,
        Attempt = entry.Attempt,
        TargetId = entry.TargetId,
        Reason = entry.Reason,
        CorrelationId = entry.CorrelationId,
        At = entry.At,
    };

    public HistoryEntry ToEntry() => new(Stage, Status, SourceVersion, Attempt, TargetId, Reason, CorrelationId, At);
}
