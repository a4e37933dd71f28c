namespace MlConnector.Pipeline.Records;

/// <summary>Where a source record stands. Every record ends in Written, Rejected or Failed (poison), never nowhere.</summary>
public enum RecordStatus
{
    Received,
    Mapped,
    Written,
    Rejected,
    Failed,
}
