using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.SageX3.Auth;
using MlConnector.Connectors.SageX3.GraphQl;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Rest;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Core.Validation;

namespace MlConnector.Connectors.SageX3;

/// <summary>Registers the Sage X3 connector. The host supplies <see cref="MlConnector.Core.Secrets.ISecretStore"/>.</summary>
public static class SageX3ServiceCollectionExtensions
{
    public static IServiceCollection AddSageX3(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSageX3(configuration, resilience: null);

    /// <param name="resilience">Overrides the standard retry / timeout settings (tests use fewer retries).</param>
    public static IServiceCollection AddSageX3(this IServiceCollection services, IConfiguration configuration, ConnectorResilienceOptions? resilience)
    {
        services.AddOptions<SageX3Options>().Bind(configuration.GetSection(SageX3Options.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SageX3Options>, SageX3OptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Auth: Basic for api1; bearer (self-signed JWT or Cloud gateway token) for GraphQL.
        services.AddSingleton<ConnectedAppTokenSource>();
        services.TryAddSingleton<OAuth2TokenClient>();
        services.AddSingleton<CloudTokenClient>();
        services.AddSingleton<CloudGatewayTokenSource>();
        services.AddSingleton<SageX3TokenProvider>();
        services.AddSingleton<SageX3CloudPairing>();
        services.AddTransient<SageX3BasicAuthHandler>();
        services.AddTransient<SageX3BearerHandler>();

        services.AddHttpClient(SageX3HttpClients.Rest).AddConnectorResilience(resilience).AddHttpMessageHandler<SageX3BasicAuthHandler>();
        services.AddHttpClient(SageX3HttpClients.GraphQl).AddConnectorResilience(resilience).AddHttpMessageHandler<SageX3BearerHandler>();
        services.AddHttpClient(SageX3HttpClients.Token).AddConnectorResilience(resilience);

        // Reads: the surface follows the mode; the documents do not.
        services.AddSingleton<SageX3RestClient>();
        services.AddSingleton<SageX3GraphQlClient>();
        services.AddSingleton<RestRowSource>();
        services.AddSingleton<GraphQlRowSource>();
        services.AddSingleton<IX3RowSource>(sp => sp.GetRequiredService<IOptionsMonitor<SageX3Options>>().CurrentValue.Mode == SageX3Mode.Rest
            ? sp.GetRequiredService<RestRowSource>()
            : sp.GetRequiredService<GraphQlRowSource>());
        services.AddSingleton<SageX3Reader>();
        services.AddSingleton<RestWriteSurface>();
        services.AddSingleton<GraphQlWriteSurface>();
        services.AddSingleton<IX3WriteSurface>(sp => sp.GetRequiredService<IOptionsMonitor<SageX3Options>>().CurrentValue.Mode == SageX3Mode.Rest
            ? sp.GetRequiredService<RestWriteSurface>()
            : sp.GetRequiredService<GraphQlWriteSurface>());
        services.AddSingleton<SageX3Writer>();
        services.AddSingleton<ITargetDocumentRules, X3DocumentRules>();

        services.AddKeyedSingleton<ITargetSink, SageX3PurchaseOrderSink>(SageX3PurchaseOrderSink.Kind);
        services.AddKeyedSingleton<ITargetSink, SageX3SupplierInvoiceSink>(SageX3SupplierInvoiceSink.Kind);
        services.AddKeyedSingleton<ITargetSink, SageX3SupplierSink>(SageX3SupplierSink.Kind);
        services.AddKeyedSingleton<ITargetSink, SageX3OrderConfirmationSink>(SageX3OrderConfirmationSink.Kind);
        services.AddKeyedSingleton<ITargetSink, SageX3ReceiptSink>(SageX3ReceiptSink.Kind);
        services.AddKeyedSingleton<ITargetSink, SageX3SalesOrderSink>(SageX3SalesOrderSink.Kind);
        services.AddKeyedSingleton<ISourceStream, SageX3ShipmentStream>(SageX3ShipmentStream.Name);
        services.AddKeyedSingleton<ISourceStream, SageX3SalesOrderStream>(SageX3SalesOrderStream.Name);
        services.AddKeyedSingleton<ISourceStream, SageX3PurchaseOrderStream>(SageX3PurchaseOrderStream.Name);
        services.AddKeyedSingleton<ISourceStream, SageX3SalesInvoiceStream>(SageX3SalesInvoiceStream.Name);

        services.AddSingleton<SageX3PurchaseOrderLookup>();
        services.AddKeyedSingleton<IPurchaseOrderLookup>("x3", (sp, _) => sp.GetRequiredService<SageX3PurchaseOrderLookup>());
        services.TryAddSingleton<IPurchaseOrderLookup>(sp => sp.GetRequiredService<SageX3PurchaseOrderLookup>());
        services.AddSingleton<SageX3ReferenceData>();
        services.AddKeyedSingleton<IReferenceData>("x3", (sp, _) => sp.GetRequiredService<SageX3ReferenceData>());
        services.TryAddSingleton<IReferenceData>(sp => sp.GetRequiredService<SageX3ReferenceData>());
        services.AddSingleton<SageX3ConnectionCheck>();
        services.AddSingleton<IConnectionCheck>(sp => sp.GetRequiredService<SageX3ConnectionCheck>());
        return services;
    }
}
