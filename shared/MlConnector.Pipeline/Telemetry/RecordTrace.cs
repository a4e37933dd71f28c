using System.Diagnostics;
using MlConnector.Pipeline.Messages;

namespace MlConnector.Pipeline.Telemetry;

/// <summary>
/// One trace per record: intake starts it (a new root, linked to the poll or webhook that found the record), and each
/// stage continues it from the W3C traceparent the envelope carries, linked to whatever invoked the stage (the Functions
/// invocation, a local queue worker). Spans are named "intake|map|write {flow}" and tagged with the flow and record.
/// Without a listener (no exporter configured) nothing is created and envelopes carry no traceparent.
/// </summary>
public static class RecordTrace
{
    public const string FlowTag = "mlc.flow";
    public const string RecordTag = "mlc.record";
    public const string AttemptTag = "mlc.attempt";

    /// <summary>Starts a record's trace; <paramref name="stage"/> is "intake", or "reprocess" for a record sent round again.</summary>
    public static Activity? StartIntake(string stage, string flow, string sourceKey)
    {
        var cause = Activity.Current;
        Activity.Current = null;
        try
        {
            ActivityLink[]? links = cause is null ? null : [new ActivityLink(cause.Context)];
            var activity = PipelineMetrics.ActivitySource.StartActivity($"{stage} {flow}", ActivityKind.Producer, parentContext: default, links: links);
            activity?.SetTag(FlowTag, flow);
            activity?.SetTag(RecordTag, sourceKey);
            return activity;
        }
        finally
        {
            Activity.Current = cause;
        }
    }

    /// <summary>Continues the record's trace for one stage; the envelope's traceparent is the parent.</summary>
    public static Activity? StartStage(string stage, PipelineMessage message)
    {
        var invocation = Activity.Current;
        ActivityLink[]? links = invocation is null ? null : [new ActivityLink(invocation.Context)];
        var parent = message.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, message.TraceState, isRemote: true, out var context)
            ? context
            : default;
        if (parent == default)
        {
            Activity.Current = null;
        }

        try
        {
            var activity = PipelineMetrics.ActivitySource.StartActivity($"{stage} {message.Flow}", ActivityKind.Consumer, parent, links: links);
            activity?.SetTag(FlowTag, message.Flow);
            activity?.SetTag(RecordTag, message.SourceKey);
            activity?.SetTag(AttemptTag, message.Attempt);
            return activity;
        }
        finally
        {
            if (parent == default)
            {
                Activity.Current = invocation;
            }
        }
    }

    /// <summary>The envelope for the next queue carries the span that sent it.</summary>
    public static PipelineMessage Carry(this PipelineMessage message, Activity? activity) =>
        activity is null ? message : message with { TraceParent = activity.Id, TraceState = activity.TraceStateString };

    /// <summary>Marks a stage span failed with the exception's type and message (no payload, no secret).</summary>
    public static void Fail(this Activity? activity, Exception exception) =>
        activity?.SetStatus(ActivityStatusCode.Error, $"{exception.GetType().Name}: {exception.Message}");
}
