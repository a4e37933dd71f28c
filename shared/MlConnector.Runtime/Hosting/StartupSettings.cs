using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlConnector.Core.Configuration;
using MlConnector.Pipeline.Configuration;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime.Scheduling;

namespace MlConnector.Runtime.Hosting;

/// <summary>
/// Settings the runtime cannot work with, found before anything starts so the operator reads one error naming the
/// setting: every options validation, every flow's schedule and the maintenance schedule, and the storage connection
/// string. Found later, the host would log a stack trace, and a bad schedule would stop it with exit code 0.
/// </summary>
public static class StartupSettings
{
    /// <exception cref="InvalidOperationException">A setting is wrong; the message names each.</exception>
    public static void Validate(IServiceProvider services, IConfiguration configuration)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException several)
        {
            throw new InvalidOperationException(string.Join(" ", several.InnerExceptions.Select(inner => inner.Message)), several);
        }

        foreach (var flow in services.GetRequiredService<FlowCatalog>().All.Where(flow => flow.IsPolled))
        {
            FlowScheduler.ScheduleOf(flow, configuration);
        }

        var maintenance = configuration.ValueOrNull(AppSettingNames.MaintenanceSchedule) ?? PipelineMaintenance.DefaultSchedule;
        try
        {
            CronExpression.Parse(maintenance, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"{AppSettingNames.MaintenanceSchedule} = '{maintenance}' is not a six-field NCRONTAB expression: {ex.Message}", ex);
        }

        try
        {
            services.GetRequiredService<PipelineStorage>();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"AzureWebJobsStorage is not a storage connection string (e.g. UseDevelopmentStorage=true, or the account's connection string from the portal): {ex.Message}", ex);
        }
    }
}
