using System.Diagnostics.Metrics;
using MlConnector.Functions.Monitoring;

namespace MlConnector.Deployment.Tests.Monitoring;

/// <summary>
/// The listener the Functions host uses to forward the pipeline's meter to Application Insights
/// (its source file is compiled into this project, because the host project needs the worker packages).
/// </summary>
public sealed class MlConnectorMeterListenerTests
{
    [Fact]
    public void Forwards_counters_histograms_and_gauges_of_the_MlConnector_meter_with_their_tags()
    {
        var received = new List<MetricMeasurement>();
        using var meter = new Meter(MlConnectorMeterListener.MeterName);
        Counter<long> written = meter.CreateCounter<long>("mlc.records.written");
        Histogram<double> duration = meter.CreateHistogram<double>("mlc.sync.duration", unit: "s");
        Counter<long> failed = meter.CreateCounter<long>("mlc.records.failed");
        meter.CreateObservableGauge("mlc.poison.depth", () => new Measurement<long>(3, new KeyValuePair<string, object?>("queue", "write-poison")));
        using var listener = new MlConnectorMeterListener(m => { lock (received) { received.Add(m); } });
        listener.Start();

        written.Add(2, new KeyValuePair<string, object?>("flow", "procurify-x3"));
        duration.Record(1.5, new KeyValuePair<string, object?>("flow", "x3-adobe-fulfillment"));
        failed.Add(1, new KeyValuePair<string, object?>("flow", "procurify-x3"), new KeyValuePair<string, object?>("stage", "write"));
        listener.RecordObservableInstruments();

        Assert.Contains(new MetricMeasurement("mlc.records.written", 2, "procurify-x3"), received);
        Assert.Contains(new MetricMeasurement("mlc.sync.duration", 1.5, "x3-adobe-fulfillment"), received);
        Assert.Contains(new MetricMeasurement("mlc.records.failed", 1, "procurify-x3", Stage: "write"), received);
        Assert.Contains(new MetricMeasurement("mlc.poison.depth", 3, Flow: null, Queue: "write-poison"), received);
    }

    [Fact]
    public void Ignores_other_meters()
    {
        var received = new List<MetricMeasurement>();
        using var other = new Meter("Some.Other.Library");
        Counter<int> counter = other.CreateCounter<int>("requests");
        using var listener = new MlConnectorMeterListener(received.Add);
        listener.Start();

        counter.Add(1);

        Assert.Empty(received);
    }
}
