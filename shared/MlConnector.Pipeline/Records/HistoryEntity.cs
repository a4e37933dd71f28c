using Azure;
using Azure.Data.Tables;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// An append-only row per stage a record passed through: lineage from source id to target id. It lives in
/// the record row's partition so that it is written in the same transaction as the status change.
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

    public string? TargetId { get; set; }

    public string? Reason { get; set; }

    public string CorrelationId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
