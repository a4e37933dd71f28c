using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Recovers stalled intakes, retries rejected webhook records and refreshes poison gauges on the Maintenance_Schedule app setting.</summary>
public sealed class MaintenanceFunction(PipelineMaintenance maintenance)
{
    [Function("Maintenance")]
    public Task RunAsync([TimerTrigger("%Maintenance_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        maintenance.RunAsync(cancellationToken);
}
