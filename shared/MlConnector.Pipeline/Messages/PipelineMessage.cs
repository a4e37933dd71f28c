using System.Text.Json;

namespace MlConnector.Pipeline.Messages;

/// <summary>
/// The one envelope on both queues. On <c>map</c> the payload is the source record; on <c>write</c> it is the
/// target document. A payload too large for a queue message sits in blob storage and <see cref="PayloadBlob"/> names it.
/// </summary>
public sealed record PipelineMessage
{
    public required string Flow { get; init; }

    public required string SourceKey { get; init; }

    public required string SourceVersion { get; init; }

    public DateTimeOffset? SourceModifiedAt { get; init; }

    /// <summary>Follows the record from intake to write, in logs and in the audit history.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>1 for the first pass; replays and automatic retries of rejects count up.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When the record entered the pipeline, for end-to-end latency.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The record row's ETag as the producing stage left it; lets the next stage update it without reading it first.</summary>
    public string? RecordETag { get; init; }

    /// <summary>W3C traceparent of the span that sent this message: the record's trace continues from it (RecordTrace).</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public JsonElement? Payload { get; init; }

    public string? PayloadBlob { get; init; }
}
