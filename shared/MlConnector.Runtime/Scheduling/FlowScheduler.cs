using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Runtime.Scheduling;

/// <summary>
/// The local runtime's timers: each polled flow runs on the same six-field NCRONTAB app setting the Functions
/// timer trigger reads (e.g. ProcurifyX3_Schedule), in UTC as the Functions host does. A failed poll is logged and
/// the next occurrence runs as usual.
/// </summary>
public sealed class FlowScheduler(FlowCatalog catalog, FlowPoller poller, IConfiguration configuration, TimeProvider time, ILogger<FlowScheduler> logger) : BackgroundService
{
    public static CronExpression ScheduleOf(Core.Flows.FlowDefinition flow, IConfiguration configuration)
    {
        var text = (flow.ScheduleSetting is { } setting ? configuration[setting] : null) ?? flow.DefaultSchedule;
        try
        {
            return CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"The schedule of flow {flow.Name} ({flow.ScheduleSetting} = '{text}') is not a six-field NCRONTAB expression: {ex.Message}", ex);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.All.Where(flow => flow.IsPolled).Select(flow => RunFlowAsync(flow, ScheduleOf(flow, configuration), stoppingToken)));

    private async Task RunFlowAsync(Core.Flows.FlowDefinition flow, CronExpression schedule, CancellationToken stoppingToken)
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
                await poller.PollAsync(flow.Name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduled poll of {Flow} failed; the next run is at the next occurrence", flow.Name);
            }
        }
    }
}
