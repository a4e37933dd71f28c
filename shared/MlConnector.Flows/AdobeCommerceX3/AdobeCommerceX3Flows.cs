using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core.Configuration;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>The two Adobe Commerce &lt;-&gt; Sage X3 flows.</summary>
public static class AdobeCommerceX3Flows
{
    public const string OrdersToInvoicesName = "adobe-commerce-x3";
    public const string FulfillmentName = "x3-adobe-fulfillment";

    /// <summary>Keyed names registered by the Sage X3 connector.</summary>
    public const string X3SupplierInvoiceSinkKey = OrderToSupplierInvoiceMapper.DocumentKind;

    public const string X3ShipmentStreamKey = "x3-shipments";

    /// <summary>Signed order webhooks -> X3 supplier invoices linked to the X3 purchase order.</summary>
    public static FlowDefinition OrdersToSupplierInvoices() => new()
    {
        Name = OrdersToInvoicesName,
        Description = "Adobe Commerce order webhooks (purchase order payments) -> Sage X3 supplier invoices linked to the purchase order",
        SourceSystem = "Adobe Commerce",
        TargetSystem = "Sage X3",
        Webhook = sp => sp.GetRequiredKeyedService<IWebhookSource>(AdobeCommerceServiceCollectionExtensions.OrderWebhookSourceKey),
        Mapper = sp => ActivatorUtilities.CreateInstance<OrderToSupplierInvoiceMapper>(sp),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(X3SupplierInvoiceSinkKey),
    };

    /// <summary>X3 shipments (polled daily by default) -> Adobe Commerce shipments with tracking, or order comments for status changes.</summary>
    public static FlowDefinition X3FulfillmentToAdobeShipments() => new()
    {
        Name = FulfillmentName,
        Description = "Sage X3 shipments -> Adobe Commerce shipments with tracking numbers; delivered/cancelled as order comments",
        SourceSystem = "Sage X3",
        TargetSystem = "Adobe Commerce",
        ScheduleSetting = AppSettingNames.X3AdobeFulfillmentSchedule,
        DefaultSchedule = "0 0 6 * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(X3ShipmentStreamKey),
        Mapper = _ => new X3ShipmentToAdobeShipmentMapper(),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(AdobeCommerceServiceCollectionExtensions.ShipmentSinkKey),
    };
}
