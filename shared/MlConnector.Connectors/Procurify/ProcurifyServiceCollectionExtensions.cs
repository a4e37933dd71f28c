using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlConnector.Connectors.Configuration;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.Procurify.Streams;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Procurify;

public static class ProcurifyServiceCollectionExtensions
{
    /// <summary>Procurify tokens live 24 h; a new one is fetched this long before the old one expires.</summary>
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Registers the Procurify client, its token handling, the keyed source streams
    /// (<see cref="ProcurifyNames.PurchaseOrderStream"/>, <see cref="ProcurifyNames.RequisitionStream"/>) and the
    /// connection check. Expects an <see cref="MlConnector.Core.Secrets.ISecretStore"/> from the host.
    /// </summary>
    /// <param name="configureResilience">Tunes retries and timeouts (tests shorten them); the defaults suit a scheduled sync.</param>
    public static IServiceCollection AddProcurify(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<ConnectorResilienceOptions>? configureResilience = null)
    {
        services.AddOptions<ProcurifyOptions>()
            .Bind(configuration.GetSection(ProcurifyOptions.SectionName))
            .ValidateSettingsOnStart(ProcurifyOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        var resilience = new ConnectorResilienceOptions();
        configureResilience?.Invoke(resilience);

        services.TryAddTransient<ProcurifyClientHeaderHandler>();
        services.TryAddSingleton<OAuth2TokenClient>();
        services.TryAddSingleton<ProcurifyTokenSource>();
        services.TryAddKeyedSingleton<ITokenProvider>(ProcurifyNames.TokenProvider, (sp, _) => new CachingTokenProvider(
            sp.GetRequiredService<ProcurifyTokenSource>(), sp.GetRequiredService<TimeProvider>(), RefreshBeforeExpiry));

        services.AddHttpClient(ProcurifyNames.TokenHttpClient)
            .AddHttpMessageHandler<ProcurifyClientHeaderHandler>()
            .AddConnectorResilience(resilience);
        services.AddHttpClient(ProcurifyNames.ApiHttpClient)
            .AddHttpMessageHandler<ProcurifyClientHeaderHandler>()
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<ITokenProvider>(ProcurifyNames.TokenProvider)))
            .AddConnectorResilience(resilience);

        services.TryAddSingleton<ProcurifyClient>();
        services.TryAddKeyedSingleton<ISourceStream, ProcurifyPurchaseOrderStream>(ProcurifyNames.PurchaseOrderStream);
        services.TryAddKeyedSingleton<ISourceStream, ProcurifyRequisitionStream>(ProcurifyNames.RequisitionStream);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionCheck, ProcurifyConnectionCheck>());
        return services;
    }
}
