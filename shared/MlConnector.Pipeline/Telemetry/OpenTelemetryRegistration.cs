using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MlConnector.Pipeline.Telemetry;

/// <summary>What both hosts add to their OpenTelemetry setup: the pipeline's <c>MlConnector</c> meter and activity source.</summary>
public static class OpenTelemetryRegistration
{
    public static IOpenTelemetryBuilder AddMlConnectorInstrumentation(this IOpenTelemetryBuilder builder) =>
        builder
            .WithTracing(tracing => tracing.AddSource(PipelineMetrics.MeterName))
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName));
}
