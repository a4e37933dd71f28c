namespace MlConnector.Pipeline.Audit;

/// <summary>
/// One change an operator made (reprocess, replay, cursor move, mapping edit, sync): who, when, on which flow and
/// records, and what it did in words. Records the action touched are listed so each record's timeline shows it.
/// </summary>
public sealed record OperatorAction(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Flow,
    IReadOnlyList<string> Records,
    string Detail);
