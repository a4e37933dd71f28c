using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce.Auth;
using MlConnector.Connectors.AdobeCommerce.Shipments;
using MlConnector.Connectors.AdobeCommerce.Webhooks;
using MlConnector.Connectors.Configuration;
using MlConnector.Connectors.Http;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce;

public static class AdobeCommerceServiceCollectionExtensions
{
    /// <summary>Keyed name of the order webhook source (<see cref="IWebhookSource"/>).</summary>
    public const string OrderWebhookSourceKey = "adobe-commerce-orders";

    /// <summary>Keyed name of the shipment sink (<see cref="ITargetSink"/>), also the document kind it writes.</summary>
    public const string ShipmentSinkKey = AdobeCommerceShipmentSink.DocumentKind;

    private const string ImsTokenProviderKey = "adobe-commerce-ims";

    /// <summary>
    /// Registers the Adobe Commerce connector: options (section <c>AdobeCommerce</c>), the signed order webhook source,
    /// the REST client with the configured authentication, the shipment sink and the connection check.
    /// Needs an <see cref="Core.Secrets.ISecretStore"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddAdobeCommerce(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdobeCommerceOptions>()
            .Bind(configuration.GetSection("AdobeCommerce"))
            .ValidateSettingsOnStart("AdobeCommerce")
            .Validate(
                options => options.AuthMode != AdobeCommerceAuthMode.OAuth1 || (!string.IsNullOrEmpty(options.ConsumerKey) && !string.IsNullOrEmpty(options.AccessToken)),
                "AdobeCommerce__ConsumerKey and AdobeCommerce__AccessToken are required when AdobeCommerce__AuthMode is OAuth1.")
            .Validate(
                options => options.AuthMode != AdobeCommerceAuthMode.Ims || (!string.IsNullOrEmpty(options.ImsClientId) && !string.IsNullOrEmpty(options.ImsOrgId)),
                "AdobeCommerce__ImsClientId and AdobeCommerce__ImsOrgId are required when AdobeCommerce__AuthMode is Ims.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookKeyRing>();
        services.AddKeyedSingleton<IWebhookSource, AdobeCommerceWebhookSource>(OrderWebhookSourceKey);

        services.TryAddSingleton<IntegrationTokenProvider>();
        services.TryAddSingleton<ImsTokenSource>();
        services.TryAddKeyedSingleton<ITokenProvider>(ImsTokenProviderKey, (sp, _) =>
            new CachingTokenProvider(sp.GetRequiredService<ImsTokenSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(ImsTokenSource.HttpClientName).AddConnectorResilience();

        services.AddHttpClient(AdobeCommerceClient.HttpClientName, (sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<AdobeCommerceOptions>>().Value.BaseUrl
                              ?? throw new InvalidOperationException("AdobeCommerce__BaseUrl is not set.");
                client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            })
            .AddConnectorResilience()
            .AddHttpMessageHandler(CreateAuthenticationHandler); // inside the retry policy: each attempt is signed afresh

        services.TryAddSingleton<AdobeCommerceClient>();
        services.AddKeyedSingleton<ITargetSink, AdobeCommerceShipmentSink>(ShipmentSinkKey);
        services.AddSingleton<IConnectionCheck, AdobeCommerceConnectionCheck>();
        return services;
    }

    private static DelegatingHandler CreateAuthenticationHandler(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AdobeCommerceOptions>>();
        return options.Value.AuthMode switch
        {
            AdobeCommerceAuthMode.IntegrationBearer => new BearerTokenHandler(services.GetRequiredService<IntegrationTokenProvider>()),
            AdobeCommerceAuthMode.Ims => new ImsBearerHandler(services.GetRequiredKeyedService<ITokenProvider>(ImsTokenProviderKey), options),
            _ => ActivatorUtilities.CreateInstance<OAuth1SigningHandler>(services),
        };
    }
}
