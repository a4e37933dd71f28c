using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.Stedi;
using MlConnector.Core;
using MlConnector.Core.Configuration;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.StediX3;

/// <summary>The Sage X3 &lt;-&gt; Stedi flows.</summary>
public static class StediX3Flows
{
    public const string PurchaseOrdersName = "x3-stedi";
    public const string InboundName = "stedi-x3";
    public const string InvoicesName = "x3-stedi-invoices";

    /// <summary>X3 purchase orders of EDI trading partners -> Stedi 850s (other suppliers' orders are passed over quietly).</summary>
    public static FlowDefinition PurchaseOrders() => new()
    {
        Name = PurchaseOrdersName,
        Description = "Sage X3 purchase orders of EDI suppliers -> Stedi X12 850 (generate-edi, Idempotency-Key per order version)",
        SourceSystem = "Sage X3",
        TargetSystem = "Stedi",
        ScheduleSetting = AppSettingNames.X3StediSchedule,
        DefaultSchedule = "0 */15 * * * *",
        Source = sp => new EdiPartnerFilter(
            sp.GetRequiredKeyedService<ISourceStream>(SageX3PurchaseOrderStream.Name),
            sp.GetRequiredService<StediPartners>(),
            payload => CanonicalJson.FromElement<PurchaseOrder>(payload).Supplier.Code,
            payload => CanonicalJson.FromElement<PurchaseOrder>(payload).Status != PurchaseOrderStatus.Closed,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EdiPartnerFilter>()),
        Mapper = sp => ActivatorUtilities.CreateInstance<PurchaseOrderTo850Mapper>(sp),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(StediNames.OutboundSink),
    };

    /// <summary>Validated X3 customer invoices of EDI trading partners -> Stedi 810s (other customers' invoices are passed over quietly).</summary>
    public static FlowDefinition Invoices() => new()
    {
        Name = InvoicesName,
        Description = "Sage X3 validated customer invoices of EDI customers -> Stedi X12 810 (generate-edi, Idempotency-Key per invoice version)",
        SourceSystem = "Sage X3",
        TargetSystem = "Stedi",
        ScheduleSetting = AppSettingNames.X3StediInvoicesSchedule,
        DefaultSchedule = "0 5,20,35,50 * * * *",
        Source = sp => new EdiPartnerFilter(
            sp.GetRequiredKeyedService<ISourceStream>(SageX3SalesInvoiceStream.Name),
            sp.GetRequiredService<StediPartners>(),
            payload => CanonicalJson.FromElement<X3SalesInvoice>(payload).Invoice.Supplier.Code,
            _ => true,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EdiPartnerFilter>()),
        Mapper = sp => ActivatorUtilities.CreateInstance<InvoiceTo810Mapper>(sp),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(StediNames.OutboundSink),
    };

    /// <summary>Stedi webhook events: inbound 855 -> X3 order confirmation, 856 -> X3 purchase receipts (one per order it covers).</summary>
    public static FlowDefinition Inbound() => new()
    {
        Name = InboundName,
        Description = "Stedi transaction.processed.v2 webhooks: 855 acknowledgments -> Sage X3 PO confirmation, 856 ship notices -> Sage X3 receipts",
        SourceSystem = "Stedi",
        TargetSystem = "Sage X3",
        Webhook = sp => sp.GetRequiredKeyedService<IWebhookSource>(StediNames.WebhookSource),
        Mapper = sp => new StediInboundMapper(
            sp.GetRequiredService<StediClient>(),
            sp.GetRequiredKeyedService<IPurchaseOrderLookup>("x3"),
            sp.GetRequiredService<StediPartners>(),
            sp.GetRequiredService<IMappingTables>(),
            sp.GetRequiredService<TimeProvider>()),
        Sink = sp => new KindRoutingSink(new Dictionary<string, ITargetSink>(StringComparer.Ordinal)
        {
            [SageX3OrderConfirmationSink.Kind] = sp.GetRequiredKeyedService<ITargetSink>(SageX3OrderConfirmationSink.Kind),
            [ReceiptsPerOrderSink.Kind] = new ReceiptsPerOrderSink(sp.GetRequiredKeyedService<ITargetSink>(SageX3ReceiptSink.Kind)),
        }),
    };
}
