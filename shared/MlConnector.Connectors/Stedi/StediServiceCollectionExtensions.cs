using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlConnector.Connectors.Configuration;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.Stedi.Webhooks;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Stedi;

public static class StediServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Stedi client (API key from the secret store, no redirects followed), the keyed outbound sink
    /// (<see cref="StediNames.OutboundSink"/>), the keyed webhook source (<see cref="StediNames.WebhookSource"/>) and
    /// the connection check. Expects an <see cref="MlConnector.Core.Secrets.ISecretStore"/> and an
    /// <see cref="GuideJson.IGuideSchemaStore"/> (imported guides) from the host.
    /// </summary>
    /// <param name="configureResilience">Tunes retries and timeouts (tests shorten them).</param>
    public static IServiceCollection AddStedi(this IServiceCollection services, IConfiguration configuration, Action<ConnectorResilienceOptions>? configureResilience = null)
    {
        services.AddOptions<StediOptions>()
            .Bind(configuration.GetSection(StediOptions.SectionName))
            .ValidateSettingsOnStart(StediOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        var resilience = new ConnectorResilienceOptions();
        configureResilience?.Invoke(resilience);

        services.TryAddSingleton<StediApiKeySource>();
        services.TryAddTransient<StediApiKeyHandler>();
        services.AddHttpClient(StediNames.ApiHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<StediApiKeyHandler>()
            .AddConnectorResilience(resilience);
        services.AddHttpClient(StediNames.ArtifactHttpClient).AddConnectorResilience(resilience);

        services.TryAddSingleton<StediClient>();
        services.TryAddSingleton<GuideJson.StediGuides>();
        services.TryAddKeyedSingleton<ITargetSink, StediOutboundSink>(StediNames.OutboundSink);
        services.TryAddSingleton<StediWebhookCredential>();
        services.TryAddKeyedSingleton<IWebhookSource, StediWebhookSource>(StediNames.WebhookSource);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionCheck, StediConnectionCheck>());
        return services;
    }
}
