namespace MlConnector.Core.Documents;

/// <summary>A trading partner's answer to a purchase order (X12 855, RSX OrderAck).</summary>
public sealed record OrderAcknowledgment
{
    public required string SourceId { get; init; }
    public required string PurchaseOrderNumber { get; init; }
    public required AcknowledgmentType Type { get; init; }
    public required DateOnly AcknowledgedOn { get; init; }
    public string? TradingPartnerId { get; init; }
    public required IReadOnlyList<AcknowledgedLine> Lines { get; init; }
}

public sealed record AcknowledgedLine(
    int LineNumber,
    string ItemCode,
    LineAcknowledgmentStatus Status,
    decimal Quantity,
    string Unit,
    DateOnly? ScheduledDate);

public enum AcknowledgmentType
{
    AcceptedWithoutChange,
    AcceptedWithChanges,
    Rejected,
}

public enum LineAcknowledgmentStatus
{
    Accepted,
    Rejected,
    Backordered,
    Changed,
}
