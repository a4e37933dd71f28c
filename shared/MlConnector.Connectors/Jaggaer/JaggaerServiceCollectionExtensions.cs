using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Configuration;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.Jaggaer.Streams;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Jaggaer;

public static class JaggaerServiceCollectionExtensions
{
    /// <summary>Keycloak tokens are short (300 s by default): a new one is fetched this long before the old one expires.</summary>
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers the JAGGAER client, its token handling, the keyed source streams (<see cref="JaggaerNames.SupplierStream"/>,
    /// <see cref="JaggaerNames.PurchaseOrderStream"/>) and the connection check. Expects an
    /// <see cref="MlConnector.Core.Secrets.ISecretStore"/> from the host.
    /// </summary>
    /// <param name="configureResilience">Tunes retries and timeouts (tests shorten them); the defaults suit a scheduled sync.</param>
    public static IServiceCollection AddJaggaer(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<ConnectorResilienceOptions>? configureResilience = null)
    {
        services.AddOptions<JaggaerOptions>()
            .Bind(configuration.GetSection(JaggaerOptions.SectionName))
            .ValidateSettingsOnStart(JaggaerOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        var resilience = new ConnectorResilienceOptions();
        configureResilience?.Invoke(resilience);

        services.TryAddSingleton<OAuth2TokenClient>();
        services.TryAddSingleton<JaggaerTokenSource>();
        services.TryAddKeyedSingleton<ITokenProvider>(JaggaerNames.TokenProvider, (sp, _) => new CachingTokenProvider(
            sp.GetRequiredService<JaggaerTokenSource>(), sp.GetRequiredService<TimeProvider>(), RefreshBeforeExpiry));

        services.AddHttpClient(JaggaerNames.TokenHttpClient).AddConnectorResilience(resilience);
        services.AddHttpClient(JaggaerNames.ApiHttpClient)
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<ITokenProvider>(JaggaerNames.TokenProvider)))
            .AddConnectorResilience(resilience);

        services.TryAddSingleton<JaggaerClient>();
        services.TryAddKeyedSingleton<ISourceStream>(JaggaerNames.SupplierStream, (sp, _) => new JaggaerChangeStream(
            sp.GetRequiredService<JaggaerClient>(), JaggaerStreams.Suppliers(sp.GetRequiredService<IOptions<JaggaerOptions>>().Value)));
        services.TryAddKeyedSingleton<ISourceStream>(JaggaerNames.PurchaseOrderStream, (sp, _) => new JaggaerChangeStream(
            sp.GetRequiredService<JaggaerClient>(), JaggaerStreams.PurchaseOrders()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionCheck, JaggaerConnectionCheck>());
        return services;
    }
}
