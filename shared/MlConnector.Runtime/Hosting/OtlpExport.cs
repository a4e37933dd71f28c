using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Configuration;
using MlConnector.Pipeline.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace MlConnector.Runtime.Hosting;

/// <summary>
/// The local runtime's telemetry: the same <c>MlConnector</c> meter and activity source as the Functions app, exported
/// over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard OTEL_EXPORTER_OTLP_* settings:
/// protocol, headers) and not collected at all otherwise.
/// </summary>
public static class OtlpExport
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "ml-connector";

    public static IServiceCollection AddOtlpExportWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.ValueOrNull(EndpointSetting) is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .AddMlConnectorInstrumentation()
            .UseOtlpExporter();
        services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
        return services;
    }
}
