using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The periodic sweep both hosts run on <c>Maintenance_Schedule</c>: forwards webhook records a stopped process
/// left in the inbox, recovers records whose intake stalled before their message was sent, retries rejected webhook records (polled flows retry theirs on every sync),
/// and refreshes the poison-depth gauges the alerts watch.
/// </summary>
public sealed class PipelineMaintenance(FlowCatalog catalog, RecordRecovery recovery, InboxForwarder inbox, PipelineStorage storage, PipelineMetrics metrics)
{
    public const string DefaultSchedule = "0 */15 * * * *";

    public async Task<MaintenanceSummary> RunAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        var retried = 0;
        var forwarded = 0;
        foreach (var flow in catalog.All)
        {
            forwarded += await inbox.ForwardLeftoversAsync(flow.Name, cancellationToken);
            recovered += await recovery.RecoverStalledAsync(flow.Name, cancellationToken);
            if (!flow.IsPolled)
            {
                retried += await recovery.RetryRejectedAsync(flow.Name, recordKey: null, cancellationToken);
            }
        }

        foreach (var queue in new[] { storage.MapPoisonQueue, storage.WritePoisonQueue })
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            metrics.PoisonDepth(queue.Name, properties.Value.ApproximateMessagesCount);
        }

        return new MaintenanceSummary(recovered, retried, forwarded);
    }
}

public sealed record MaintenanceSummary(int StalledRecovered, int WebhookRejectsRetried, int InboxLeftoversForwarded);
