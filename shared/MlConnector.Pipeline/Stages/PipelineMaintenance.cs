using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The periodic sweep both hosts run on <c>Maintenance_Schedule</c>: forwards webhook records a stopped process
/// left in the inbox, recovers records whose intake stalled before their message was sent, retries rejected webhook records (polled flows retry theirs on every sync),
/// and refreshes the poison-depth gauges the alerts watch. Each flow is swept on its own: one flow's failure is logged
/// and named in the summary, and the other flows are still swept.
/// </summary>
public sealed class PipelineMaintenance(FlowCatalog catalog, RecordRecovery recovery, InboxForwarder inbox, PipelineStorage storage, PipelineMetrics metrics, ILogger<PipelineMaintenance> logger)
{
    public const string DefaultSchedule = "0 */15 * * * *";

    public async Task<MaintenanceSummary> RunAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        var retried = 0;
        var forwarded = 0;
        var failedFlows = new List<string>();
        foreach (var flow in catalog.All)
        {
            try
            {
                forwarded += await inbox.ForwardLeftoversAsync(flow.Name, cancellationToken);
                recovered += await recovery.RecoverStalledAsync(flow.Name, cancellationToken);
                if (!flow.IsPolled)
                {
                    retried += await recovery.RetryRejectedAsync(flow.Name, recordKey: null, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failedFlows.Add(flow.Name);
                logger.LogError(ex, "Maintenance of {Flow} failed; the other flows are still swept and this one is tried again on the next run", flow.Name);
            }
        }

        foreach (var queue in new[] { storage.MapPoisonQueue, storage.WritePoisonQueue })
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            metrics.PoisonDepth(queue.Name, properties.Value.ApproximateMessagesCount);
        }

        return new MaintenanceSummary(recovered, retried, forwarded, failedFlows);
    }
}

/// <param name="FailedFlows">Flows whose sweep failed this time (the reason is in the log); empty when all went well.</param>
public sealed record MaintenanceSummary(int StalledRecovered, int WebhookRejectsRetried, int InboxLeftoversForwarded, IReadOnlyList<string> FailedFlows);
