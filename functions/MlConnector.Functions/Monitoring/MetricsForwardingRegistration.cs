using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MlConnector.Functions.Monitoring;

internal static class MetricsForwardingRegistration
{
    internal static IServiceCollection AddMlConnectorMetricsForwarding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ApplicationInsightsMetricsForwarder>();
        return services;
    }
}
