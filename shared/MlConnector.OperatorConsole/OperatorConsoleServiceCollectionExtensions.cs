using Microsoft.Extensions.DependencyInjection;
using MlConnector.OperatorConsole.Data;
using MlConnector.OperatorConsole.Mappings;
using MlConnector.OperatorConsole.Pages;

namespace MlConnector.OperatorConsole;

public static class OperatorConsoleServiceCollectionExtensions
{
    /// <summary>Registers the console's pages over the engine the host registered with AddMlConnector.</summary>
    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        services.AddSingleton<AcknowledgedReasons>();
        services.AddSingleton<AttentionReader>();
        services.AddSingleton<MappingValidator>();
        services.AddSingleton<FlowsPage>();
        services.AddSingleton<AttentionPage>();
        services.AddSingleton<RecordPage>();
        services.AddSingleton<MappingsPage>();
        services.AddSingleton<CursorsPage>();
        services.AddSingleton<AuditPage>();
        services.AddSingleton<ConsoleEndpoint>();
        return services;
    }
}
