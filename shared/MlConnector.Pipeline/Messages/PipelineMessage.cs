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

    /// <summary>
    /// True when the intake (or the stage that requeued the record) filled in <see cref="KnownTargetId"/> and
    /// <see cref="MayHaveReachedTarget"/> from the row it wrote, so a straight-through write needs no row read.
    /// Envelopes from before these fields never carry it and take the write queue.
    /// </summary>
    public bool CarriesRowState { get; init; }

    /// <summary>The target id the record row held at intake (an earlier version's write), or null for a record never written.</summary>
    public string? KnownTargetId { get; init; }

    /// <summary>An earlier attempt at this version may have reached the target: its write looks for it before creating.</summary>
    public bool MayHaveReachedTarget { get; init; }

    /// <summary>W3C traceparent of the span that sent this message: the record's trace continues from it (RecordTrace).</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public JsonElement? Payload { get; init; }

    /// <summary>When a busy target first made a stage defer this message (it went back on its queue without spending an attempt).</summary>
    public DateTimeOffset? DeferredSince { get; init; }

    /// <summary>How many times the message was deferred for a busy target.</summary>
    public int Deferrals { get; init; }

    public string? PayloadBlob { get; init; }
}
