using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Messages;

namespace MlConnector.Pipeline.Stages;

internal static class StageLog
{
    /// <summary>Every log line of a stage carries the flow, the record and the correlation id from intake.</summary>
    public static IDisposable? BeginScope(ILogger logger, PipelineMessage message) =>
        logger.BeginScope(new Dictionary<string, object>
        {
            ["Flow"] = message.Flow,
            ["SourceKey"] = message.SourceKey,
            ["CorrelationId"] = message.CorrelationId,
        });
}
