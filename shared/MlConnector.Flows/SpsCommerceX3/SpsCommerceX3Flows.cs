using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core.Configuration;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3.Archive;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// SPS Commerce &lt;-&gt; Sage X3. Inbound: retail trading partners' purchase orders (RSX Orders files in <c>out/PO/</c>)
/// become X3 sales orders. Needs <c>AddSpsCommerce</c>, the X3 sink keyed <c>x3-sales-order</c>, <see cref="IMappingTables"/>
/// and X3's <see cref="IReferenceData"/>; <see cref="SpsCommerceX3Options"/> is optional (section <c>SpsCommerceX3</c>).
/// </summary>
public static class SpsCommerceX3Flows
{
    public const string OrdersName = "sps-x3";
    public const string AcknowledgmentsName = "x3-sps-acks";
    public const string InvoicesName = "x3-sps-invoices";
    public const string ShipmentsName = "x3-sps-shipments";

    /// <summary>Keyed stream registered by the Sage X3 connector.</summary>
    public const string X3SalesOrderStreamKey = "x3-sales-orders";

    public static FlowDefinition Orders() => new()
    {
        Name = OrdersName,
        Description = "SPS Commerce trading partner purchase orders (RSX 850 files in out/) -> Sage X3 sales orders (SORDER)",
        SourceSystem = "SPS Commerce",
        TargetSystem = "Sage X3",
        ScheduleSetting = AppSettingNames.SpsX3Schedule,
        DefaultSchedule = "0 */15 * * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(SpsCommerceNames.OrderStream),
        Mapper = sp => new RsxOrderMapper(sp.GetRequiredService<IMappingTables>(), sp.GetRequiredService<IReferenceData>(), OptionsFrom(sp)),
        Sink = sp => new SpsSalesOrderSink(sp.GetRequiredService<SageX3Writer>(), Archive(sp), OptionsFrom(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SpsSalesOrderSink>>()),
    };

    /// <summary>X3 sales orders that came from SPS -> RSX OrderAck (855) files uploaded to SPS's <c>in/</c> folder.</summary>
    public static FlowDefinition Acknowledgments() => new()
    {
        Name = AcknowledgmentsName,
        Description = "Sage X3 sales orders from SPS trading partners -> SPS Commerce purchase order acknowledgments (RSX 855 files in in/)",
        SourceSystem = "Sage X3",
        TargetSystem = "SPS Commerce",
        ScheduleSetting = AppSettingNames.X3SpsAcksSchedule,
        DefaultSchedule = "0 5-59/15 * * * *",
        Source = sp => new SpsOriginatedStream(sp.GetRequiredKeyedService<ISourceStream>(X3SalesOrderStreamKey), "externalReference"),
        Mapper = sp => new X3SalesOrderToRsxAckMapper(OptionsFrom(sp), Archive(sp), sp.GetRequiredService<IMappingTables>()),
        Sink = sp => new SpsAnswerSink(sp.GetRequiredKeyedService<ITargetSink>(SpsRsxUploadSink.Kind), Archive(sp)),
    };

    /// <summary>
    /// Validated X3 customer invoices (SINVOICE) of sales orders that came from SPS -> RSX Invoice (810) files uploaded to
    /// SPS's <c>in/</c> folder. Invoices of other orders (keyed in X3, other channels) are left out before admission.
    /// </summary>
    public static FlowDefinition Invoices() => new()
    {
        Name = InvoicesName,
        Description = "Sage X3 validated customer invoices (SINVOICE) of SPS trading partner orders -> SPS Commerce invoices (RSX 810 files in in/)",
        SourceSystem = "Sage X3",
        TargetSystem = "SPS Commerce",
        ScheduleSetting = AppSettingNames.X3SpsInvoicesSchedule,
        DefaultSchedule = "0 10-59/15 * * * *",
        Source = sp => new SpsOriginatedStream(sp.GetRequiredKeyedService<ISourceStream>(SageX3SalesInvoiceStream.Name), "orderExternalReference"),
        Mapper = sp => new X3SalesInvoiceToRsxInvoiceMapper(OptionsFrom(sp), Archive(sp), sp.GetRequiredService<IMappingTables>()),
        Sink = sp => new SpsAnswerSink(sp.GetRequiredKeyedService<ITargetSink>(SpsRsxUploadSink.Kind), Archive(sp)),
    };

    /// <summary>
    /// Confirmed X3 sales deliveries (SDELIVERY) of sales orders that came from SPS -> RSX Shipment (856) files uploaded to
    /// SPS's <c>in/</c> folder: the retailer's fulfilment confirmation after each shipment. Unconfirmed deliveries wait
    /// before admission (their confirmation is a new version); deliveries of other orders are left out.
    /// </summary>
    public static FlowDefinition Shipments() => new()
    {
        Name = ShipmentsName,
        Description = "Sage X3 confirmed sales deliveries (SDELIVERY) of SPS trading partner orders -> SPS Commerce ship notices (RSX 856 files in in/)",
        SourceSystem = "Sage X3",
        TargetSystem = "SPS Commerce",
        ScheduleSetting = AppSettingNames.X3SpsShipmentsSchedule,
        DefaultSchedule = "0 7-59/15 * * * *",
        Source = sp => new SpsOriginatedStream(sp.GetRequiredKeyedService<ISourceStream>(SageX3ShipmentStream.Name), "orderReference", IsConfirmed),
        Mapper = sp => new X3DeliveryToRsxShipmentMapper(OptionsFrom(sp), Archive(sp), sp.GetRequiredService<IMappingTables>()),
        Sink = sp => new SpsAnswerSink(sp.GetRequiredKeyedService<ITargetSink>(SpsRsxUploadSink.Kind), Archive(sp)),
    };

    /// <summary>Binds <see cref="SpsCommerceX3Options"/> from the <c>SpsCommerceX3</c> section; without it the defaults apply.</summary>
    public static IServiceCollection AddSpsCommerceX3Options(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpsCommerceX3Options>().Bind(configuration.GetSection(SpsCommerceX3Options.SectionName));
        services.TryAddSingleton<ISpsOrderArchive>(sp => new BlobSpsOrderArchive(sp.GetRequiredService<PipelineStorage>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MlConnector.Core.Validation.ITargetDocumentRules, SpsOrderVersionRules>());
        return services;
    }

    /// <summary>The archive of SPS orders (<see cref="AddSpsCommerceX3Options"/> registers it in the pipeline's storage).</summary>
    internal static ISpsOrderArchive Archive(IServiceProvider sp) => sp.GetRequiredService<ISpsOrderArchive>();

    private static bool IsConfirmed(System.Text.Json.JsonElement delivery) =>
        delivery.TryGetProperty("status", out var status) && status.GetString() != "pending";

    private static SpsCommerceX3Options OptionsFrom(IServiceProvider sp) =>
        sp.GetService<IOptions<SpsCommerceX3Options>>()?.Value ?? new SpsCommerceX3Options();
}
