namespace MlConnector.Core.Flows;

/// <summary>
/// Writes one target document. Implementations must be safe to call again for the same record: after an
/// ambiguous failure (<see cref="WriteRequest.PreviousAttemptAmbiguous"/>) they look the external
/// reference up before creating, or send a stable idempotency key.
/// </summary>
public interface ITargetSink
{
    Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken);
}

/// <param name="ExistingTargetId">The target id an earlier version of this record was written to, if any: update it.</param>
/// <param name="IdempotencyKey">Stable for this flow, record and version; safe to send as an Idempotency-Key header.</param>
public sealed record WriteRequest(
    string Flow,
    string SourceKey,
    string SourceVersion,
    string? ExistingTargetId,
    bool PreviousAttemptAmbiguous,
    string IdempotencyKey,
    TargetDocument Document);

public sealed record WriteResult(string TargetId, WriteAction Action);

public enum WriteAction
{
    Created,
    Updated,
    AlreadyPresent,
}
