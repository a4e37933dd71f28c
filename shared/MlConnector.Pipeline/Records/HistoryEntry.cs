namespace MlConnector.Pipeline.Records;

/// <summary>One stage a record passed through: what it did, with which source version, and what the target said.</summary>
public sealed record HistoryEntry(
    string Stage,
    string Status,
    string SourceVersion,
    int Attempt,
    string? TargetId,
    string? Reason,
    string CorrelationId,
    DateTimeOffset At);
