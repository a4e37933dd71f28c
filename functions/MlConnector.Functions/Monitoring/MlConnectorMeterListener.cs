using System.Diagnostics.Metrics;

namespace MlConnector.Functions.Monitoring;

/// <summary>
/// Listens to the pipeline's <c>MlConnector</c> meter (counters, histogram, observable gauges) and hands
/// every measurement, with its <c>flow</c>, <c>stage</c>, <c>queue</c> and <c>reason</c> tags, to a sink. Kept free of any telemetry SDK so the same
/// listener can be tested here and pointed at Application Insights in the host.
/// </summary>
public sealed class MlConnectorMeterListener : IDisposable
{
    public const string MeterName = "MlConnector";
    public const string FlowTag = "flow";
    public const string StageTag = "stage";
    public const string QueueTag = "queue";

    /// <summary>The reject reason group on mlc.records.rejected, for the new-reject-reason alert.</summary>
    public const string ReasonTag = "reason";

    private readonly MeterListener listener = new();
    private readonly Action<MetricMeasurement> sink;

    public MlConnectorMeterListener(Action<MetricMeasurement> sink)
    {
        this.sink = sink ?? throw new ArgumentNullException(nameof(sink));
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Forward(i, v, tags));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Forward(i, v, tags));
        listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Forward(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Forward(i, v, tags));
    }

    public void Start() => listener.Start();

    /// <summary>Samples the observable gauges (poison depth, source lag) once; call on a fixed interval.</summary>
    public void RecordObservableInstruments() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void Forward(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? flow = null, stage = null, queue = null, reason = null;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            switch (tag.Key)
            {
                case FlowTag:
                    flow = tag.Value?.ToString();
                    break;
                case StageTag:
                    stage = tag.Value?.ToString();
                    break;
                case QueueTag:
                    queue = tag.Value?.ToString();
                    break;
                case ReasonTag:
                    reason = tag.Value?.ToString();
                    break;
            }
        }

        sink(new MetricMeasurement(instrument.Name, value, flow, stage, queue, reason));
    }
}

/// <summary>One measurement from the MlConnector meter; a tag the instrument does not carry is null.</summary>
public readonly record struct MetricMeasurement(string Instrument, double Value, string? Flow, string? Stage = null, string? Queue = null, string? Reason = null);
