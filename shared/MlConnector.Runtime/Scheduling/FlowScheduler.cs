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
/// timer trigger reads (e.g. ProcurifyX3_Schedule), in UTC as the Functions host does. Each tick runs once across the
/// runtimes sharing the storage account (<see cref="TickLease"/>), as Functions timers are singletons. A failed poll is
/// logged and the next occurrence runs as usual.
/// </summary>
public sealed class FlowScheduler(FlowCatalog catalog, FlowPoller poller, PipelineMaintenance maintenance, TickLease ticks, IConfiguration configuration, TimeProvider time, ILogger<FlowScheduler> logger) : BackgroundService
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
        var polls = catalog.All.Where(flow => flow.IsPolled).Select(flow => RunOnScheduleAsync(flow.Name, ScheduleOf(flow, configuration), (tick, ct) => poller.PollTickAsync(flow.Name, tick, ct), stoppingToken));
        return Task.WhenAll(polls.Append(RunOnScheduleAsync("maintenance", maintenanceSchedule, MaintainAsync, stoppingToken)));
    }

    /// <summary>One sweep per tick across the runtimes on the storage account, as for polls.</summary>
    private async Task MaintainAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        await using var turn = await ticks.TryTakeAsync("maintenance", tick, cancellationToken);
        if (turn is not null)
        {
            await maintenance.RunAsync(cancellationToken);
            await turn.CompleteAsync(tick, cancellationToken);
        }
    }

    private async Task RunOnScheduleAsync(string name, CronExpression schedule, Func<DateTimeOffset, CancellationToken, Task> run, CancellationToken stoppingToken)
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
                await run(next.Value, stoppingToken);
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
