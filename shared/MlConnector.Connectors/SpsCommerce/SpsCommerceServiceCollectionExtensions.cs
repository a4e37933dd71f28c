using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlConnector.Connectors.Configuration;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SpsCommerce;

public static class SpsCommerceServiceCollectionExtensions
{
    /// <summary>A new token is fetched this long before the old one expires (SPS tokens are rate-limited: cached, not re-asked).</summary>
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registers the SPS Commerce client, its Auth0 token handling (cached, refreshed once on 401), the keyed order
    /// stream (<see cref="SpsCommerceNames.OrderStream"/>) and the connection check. Expects an
    /// <see cref="MlConnector.Core.Secrets.ISecretStore"/> from the host.
    /// </summary>
    public static IServiceCollection AddSpsCommerce(this IServiceCollection services, IConfiguration configuration, Action<ConnectorResilienceOptions>? configureResilience = null)
    {
        services.AddOptions<SpsCommerceOptions>()
            .Bind(configuration.GetSection(SpsCommerceOptions.SectionName))
            .ValidateSettingsOnStart(SpsCommerceOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        var resilience = new ConnectorResilienceOptions();
        configureResilience?.Invoke(resilience);

        services.TryAddSingleton<OAuth2TokenClient>();
        services.TryAddSingleton<SpsCommerceTokenSource>();
        services.TryAddKeyedSingleton<ITokenProvider>(SpsCommerceNames.TokenProvider, (sp, _) => new CachingTokenProvider(
            sp.GetRequiredService<SpsCommerceTokenSource>(), sp.GetRequiredService<TimeProvider>(), RefreshBeforeExpiry));

        services.AddHttpClient(SpsCommerceNames.TokenHttpClient).AddConnectorResilience(resilience);
        services.AddHttpClient(SpsCommerceNames.ApiHttpClient)
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<ITokenProvider>(SpsCommerceNames.TokenProvider)))
            .AddConnectorResilience(resilience);

        services.TryAddSingleton<SpsCommerceClient>();
        services.TryAddKeyedSingleton<ISourceStream, SpsOrderFileStream>(SpsCommerceNames.OrderStream);
        services.TryAddKeyedSingleton<ITargetSink, SpsRsxUploadSink>(SpsRsxUploadSink.Kind);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionCheck, SpsCommerceConnectionCheck>());
        return services;
    }
}
