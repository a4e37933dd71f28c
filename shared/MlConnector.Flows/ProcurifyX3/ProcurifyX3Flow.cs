using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Configuration;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// Procurify -> Sage X3: purchase orders (and, as a separate flow, approved requisitions) become X3 purchase
/// orders. Needs <c>AddProcurify</c>, the X3 sink keyed <c>x3-purchase-order</c>, <see cref="IMappingTables"/>
/// and X3's <see cref="IReferenceData"/>; <see cref="ProcurifyX3Options"/> is optional (section <c>ProcurifyX3</c>).
/// </summary>
public static class ProcurifyX3Flow
{
    public const string Name = "procurify-x3";
    public const string RequisitionsName = "procurify-requisitions-x3";
    public const string SinkKey = "x3-purchase-order";

    public static FlowDefinition Create() => new()
    {
        Name = Name,
        Description = "Procurify purchase orders -> Sage X3 purchase orders (vendors -> suppliers, account codes -> GL accounts, departments -> cost centres)",
        SourceSystem = "Procurify",
        TargetSystem = "Sage X3",
        ScheduleSetting = AppSettingNames.ProcurifyX3Schedule,
        DefaultSchedule = "0 0 * * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(ProcurifyNames.PurchaseOrderStream),
        Mapper = sp => new ProcurifyPurchaseOrderMapper(sp.GetRequiredService<IMappingTables>(), sp.GetRequiredService<IReferenceData>(), OptionsFrom(sp)),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(SinkKey),
    };

    public static FlowDefinition CreateRequisitions() => new()
    {
        Name = RequisitionsName,
        Description = "Approved Procurify requisitions -> Sage X3 purchase orders referenced REQ-{number}",
        SourceSystem = "Procurify",
        TargetSystem = "Sage X3",
        ScheduleSetting = AppSettingNames.ProcurifyRequisitionsX3Schedule,
        DefaultSchedule = "0 30 * * * *",
        Source = sp => sp.GetRequiredKeyedService<ISourceStream>(ProcurifyNames.RequisitionStream),
        Mapper = sp => new ProcurifyRequisitionMapper(sp.GetRequiredService<IMappingTables>(), sp.GetRequiredService<IReferenceData>(), OptionsFrom(sp)),
        Sink = sp => sp.GetRequiredKeyedService<ITargetSink>(SinkKey),
    };

    /// <summary>Binds <see cref="ProcurifyX3Options"/> from the <c>ProcurifyX3</c> section; without it the defaults apply.</summary>
    public static IServiceCollection AddProcurifyX3Options(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<ProcurifyX3Options>().Bind(configuration.GetSection(ProcurifyX3Options.SectionName));
        return services;
    }

    private static ProcurifyX3Options OptionsFrom(IServiceProvider sp) =>
        sp.GetService<IOptions<ProcurifyX3Options>>()?.Value ?? new ProcurifyX3Options();
}
