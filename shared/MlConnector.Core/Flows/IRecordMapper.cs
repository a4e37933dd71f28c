namespace MlConnector.Core.Flows;

/// <summary>
/// Turns a source record into the target's document: parse to the canonical document, apply the customer's
/// mapping tables, validate against the target's reference data. A record that cannot become a target
/// document is rejected with a reason a person can act on, never dropped.
/// </summary>
public interface IRecordMapper
{
    ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken);
}

public abstract record MapResult
{
    private MapResult()
    {
    }

    public static MapResult Mapped(TargetDocument document) => new MappedResult(document);

    public static MapResult Rejected(string reason) => new RejectedResult(reason);

    public sealed record MappedResult(TargetDocument Document) : MapResult;

    public sealed record RejectedResult(string Reason) : MapResult;
}
