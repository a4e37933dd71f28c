using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Connectors.Procurify;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Connectors.Stedi;
using MlConnector.Flows.AdobeCommerceX3;
using MlConnector.Flows.JaggaerX3;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Flows.StediX3;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Configuration;

namespace MlConnector.Flows;

/// <summary>The one composition root both hosts call: the engine, the connectors the customer configured, and their flows.</summary>
public static class MlConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine, then each connector whose address is configured, then every flow whose
    /// two ends are configured. A customer without Adobe Commerce simply has no Adobe flows.
    /// </summary>
    public static IServiceCollection AddMlConnector(this IServiceCollection services, IConfiguration configuration)
    {
        // Empty settings mean "use the default" for every options type (EmptySettings).
        configuration = configuration.WithEmptyAsDefault();
        services.AddPipeline(configuration);
        var hasX3 = IsConfigured(configuration, "SageX3:ServerUrl");
        if (hasX3)
        {
            services.AddSageX3(configuration);
        }

        if (IsConfigured(configuration, "Procurify:Domain"))
        {
            services.AddProcurify(configuration);
            services.AddProcurifyX3Options(configuration);
            if (hasX3)
            {
                services.AddFlow(ProcurifyX3Flow.Create());
                services.AddFlow(ProcurifyX3Flow.CreateRequisitions());
            }
        }

        if (IsConfigured(configuration, "Jaggaer:BaseUrl"))
        {
            services.AddJaggaer(configuration);
            services.AddJaggaerX3Options(configuration);
            if (hasX3)
            {
                // Suppliers first: the order flow points at the suppliers this one creates.
                services.AddFlow(JaggaerX3Flows.Suppliers());
                services.AddFlow(JaggaerX3Flows.PurchaseOrders());
            }
        }

        if (IsConfigured(configuration, "SpsCommerce:ClientId"))
        {
            services.AddSpsCommerce(configuration);
            services.AddSpsCommerceX3Options(configuration);
            if (hasX3)
            {
                services.AddFlow(SpsCommerceX3Flows.Orders());
                services.AddFlow(SpsCommerceX3Flows.Acknowledgments());
                services.AddFlow(SpsCommerceX3Flows.Invoices());
                services.AddFlow(SpsCommerceX3Flows.Shipments());
            }
        }

        if (IsConfigured(configuration, "AdobeCommerce:BaseUrl"))
        {
            services.AddAdobeCommerce(configuration);
            if (hasX3)
            {
                services.AddFlow(AdobeCommerceX3Flows.OrdersToSupplierInvoices());
                services.AddFlow(AdobeCommerceX3Flows.X3FulfillmentToAdobeShipments());
                services.AddSingleton<CommerceOrderResend>();
            }
        }

        if (IsConfigured(configuration, "Stedi:BaseUrl"))
        {
            services.AddStedi(configuration);
            services.AddSingleton<StediPartners>();
            services.AddSingleton<Connectors.Stedi.GuideJson.IGuideSchemaStore, BlobGuideSchemaStore>();
            if (hasX3)
            {
                services.AddFlow(StediX3Flows.PurchaseOrders());
                services.AddFlow(StediX3Flows.Inbound());
                services.AddFlow(StediX3Flows.Invoices());
            }
        }

        return services;
    }

    /// <summary>A connector counts as configured once its address is set; the deployment lists every setting, most empty.</summary>
    private static bool IsConfigured(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
