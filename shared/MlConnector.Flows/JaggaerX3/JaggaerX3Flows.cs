using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Core.Configuration;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>
/// JAGGAER -> Sage X3: supplier profiles become X3 suppliers, then purchase orders become X3 purchase orders pointing
/// at them. The supplier flow is scheduled before the order flow; an order whose supplier is not in X3 yet is rejected
/// and retried on the next sync. Needs <c>AddJaggaer</c>, the X3 sinks keyed <c>x3-supplier</c> and
/// <c>x3-purchase-order</c>, <see cref="IMappingTables"/> and X3's <see cref="IReferenceData"/>;
/// <see cref="JaggaerX3Options"/> is optional (section <c>JaggaerX3</c>).
/// </summary>
public static class JaggaerX3Flows
{
    public const string SuppliersName = "jaggaer-suppliers-x3";
    public const string PurchaseOrdersName = "jaggaer-x3";

    public static FlowDefinition Suppliers() => new()
    {
        Name = SuppliersName,
        Description = "JAGGAER supplier profiles -> Sage X3 suppliers (BPSUPPLIER), coded by mapping, ERP code or JAGGAER id",
        SourceSystem = "JAGGAER",
        TargetSystem = "Sage X3",
        ScheduleSetting = AppSettingNames.JaggaerSuppliersX3Schedule,
        DefaultSchedule = "0 45 5 * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(JaggaerNames.SupplierStream),
        Mapper = sp => new JaggaerSupplierMapper(sp.GetRequiredService<IMappingTables>(), OptionsFrom(sp)),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(JaggaerSupplierMapper.DocumentKind),
    };

    public static FlowDefinition PurchaseOrders() => new()
    {
        Name = PurchaseOrdersName,
        Description = "JAGGAER purchase orders -> Sage X3 purchase orders (GL accounts and cost centres validated against X3)",
        SourceSystem = "JAGGAER",
        TargetSystem = "Sage X3",
        ScheduleSetting = AppSettingNames.JaggaerX3Schedule,
        DefaultSchedule = "0 0 6 * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(JaggaerNames.PurchaseOrderStream),
        Mapper = sp => new JaggaerPurchaseOrderMapper(sp.GetRequiredService<IMappingTables>(), sp.GetRequiredService<IReferenceData>(), OptionsFrom(sp)),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(JaggaerPurchaseOrderMapper.DocumentKind),
    };

    /// <summary>Binds <see cref="JaggaerX3Options"/> from the <c>JaggaerX3</c> section; without it the defaults apply.</summary>
    public static IServiceCollection AddJaggaerX3Options(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JaggaerX3Options>().Bind(configuration.GetSection(JaggaerX3Options.SectionName));
        return services;
    }

    private static JaggaerX3Options OptionsFrom(IServiceProvider sp) =>
        sp.GetService<IOptions<JaggaerX3Options>>()?.Value ?? new JaggaerX3Options();
}
