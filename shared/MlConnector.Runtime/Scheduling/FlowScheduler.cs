using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Configuration;
using MlConnector.Pipeline.Configuration;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Runtime.Scheduling;

/// <summary>
/// The local runtime's timers: each polled flow runs on the same six-field NCRONTAB app setting the Functions
/// timer trigger reads (e.g. ProcurifyX3_Schedule), in UTC as the Functions host does. A failed poll is logged and
/// the next occurrence runs as usual.
/// </summary>
public sealed class FlowScheduler(FlowCatalog catalog, FlowPoller poller, PipelineMaintenance maintenance, IConfiguration configuration, TimeProvider time, ILogger<FlowScheduler> logger) : BackgroundService
{
    public static CronExpression ScheduleOf(Core.Flows.FlowDefinition flow, IConfiguration configuration)
    {
        var text = (flow.ScheduleSetting is { } setting ? configuration.ValueOrNull(setting) : null) ?? flow.DefaultSchedule;
        try
        {
            return CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"The schedule of flow {flow.Name} ({flow.ScheduleSetting} = '{text}') is not a six-field NCRONTAB expression: {ex.Message}", ex);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var maintenanceSchedule = CronExpression.Parse(configuration.ValueOrNull(AppSettingNames.MaintenanceSchedule) ?? PipelineMaintenance.DefaultSchedule, CronFormat.IncludeSeconds);
        var polls = catalog.All.Where(flow => flow.IsPolled).Select(flow => RunOnScheduleAsync(flow.Name, ScheduleOf(flow, configuration), ct => poller.PollAsync(flow.Name, ct), stoppingToken));
        return Task.WhenAll(polls.Append(RunOnScheduleAsync("maintenance", maintenanceSchedule, ct => maintenance.RunAsync(ct), stoppingToken)));
    }

    private async Task RunOnScheduleAsync(string name, CronExpression schedule, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            try
            {
                await Task.Delay(next.Value - now, time, stoppingToken);
                await run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduled run of {Name} failed; the next run is at the next occurrence", name);
            }
        }
    }
}
