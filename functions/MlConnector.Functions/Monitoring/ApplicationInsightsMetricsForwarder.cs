using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Hosting;

namespace MlConnector.Functions.Monitoring;

/// <summary>
/// Sends the MlConnector meter to Application Insights as customMetrics (name = instrument, dimensions
/// <c>flow</c>, <c>stage</c>, <c>queue</c>, <c>reason</c>; "(none)" where the instrument has no such tag). TelemetryClient.GetMetric pre-aggregates per minute, so counters arrive as sums and the
/// duration histogram as count/sum/min/max; gauges are sampled once a minute.
/// </summary>
internal sealed class ApplicationInsightsMetricsForwarder(TelemetryClient telemetry, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan GaugeSamplingInterval = TimeSpan.FromMinutes(1);
    private const string NoTag = "(none)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new MlConnectorMeterListener(measurement =>
            telemetry.GetMetric(
                    measurement.Instrument,
                    MlConnectorMeterListener.FlowTag,
                    MlConnectorMeterListener.StageTag,
                    MlConnectorMeterListener.QueueTag,
                    MlConnectorMeterListener.ReasonTag)
                .TrackValue(measurement.Value, measurement.Flow ?? NoTag, measurement.Stage ?? NoTag, measurement.Queue ?? NoTag, measurement.Reason ?? NoTag));
        listener.Start();

        using var timer = new PeriodicTimer(GaugeSamplingInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                listener.RecordObservableInstruments();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: nothing left to sample.
        }
    }
}
