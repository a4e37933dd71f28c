using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.IntegrationTests.Engine;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MlConnector.IntegrationTests.Telemetry;

/// <summary>
/// What an operator sees in any OpenTelemetry backend (Application Insights in Azure, OTLP locally), read here with the
/// in-memory exporter: the documented metrics with their tags, and one connected trace per record (intake -> map -> write).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordTelemetryTests(AzuriteFixture azurite)
{
    private readonly string _flow = "otel-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly RecordingSink _sink = new();

    [Fact]
    public async Task A_flow_run_yields_the_documented_metrics_and_one_connected_trace_per_record()
    {
        await using var harness = await StartAsync();
        var source = (ScriptedSource)harness.Get<FlowCatalog>().Parts(_flow).Source;
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        string[] written = ["acme-1", "acme-2", "acme-3"];
        foreach (var key in written.Append("nobody-1"))
        {
            source.Put(key);
        }

        await harness.Poller.PollAsync(_flow, CancellationToken.None);
        await harness.DrainAsync();
        Flush(harness);

        var traces = written.Select(key => Spans(key)).ToList();
        Assert.All(traces, spans =>
        {
            var (intake, map, write) = (Single(spans, "intake"), Single(spans, "map"), Single(spans, "write"));
            Assert.Equal(intake.TraceId, map.TraceId);
            Assert.Equal(intake.TraceId, write.TraceId);
            Assert.Equal(intake.SpanId, map.ParentSpanId);
            Assert.Equal(map.SpanId, write.ParentSpanId);
            Assert.Equal(default, intake.ParentSpanId);
        });
        Assert.Equal(written.Length, traces.Select(spans => spans[0].TraceId).Distinct().Count());
        var rejected = Spans("nobody-1");
        Assert.Equal(["intake " + _flow, "map " + _flow], rejected.Select(s => s.DisplayName).Order());
        Assert.Single(rejected.Select(s => s.TraceId).Distinct());

        Assert.Equal(3, Sum("mlc.records.written"));
        Assert.Equal(1, Sum("mlc.records.rejected"));
        Assert.Equal(1, HistogramCount("mlc.sync.duration"));
        Assert.NotEmpty(Points("mlc.source.lag"));
    }

    [Fact]
    public async Task A_write_the_target_refuses_is_counted_failed_and_poisoned_for_its_stage_and_its_span_is_an_error()
    {
        await using var harness = await StartAsync();
        var source = (ScriptedSource)harness.Get<FlowCatalog>().Parts(_flow).Source;
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        _sink.FailWith = new TargetWriteException("supplier SUP01 is blocked", isTransient: false, statusCode: 400);
        source.Put("acme-9");

        await harness.Poller.PollAsync(_flow, CancellationToken.None);
        await harness.DrainAsync();
        Flush(harness);

        Assert.Equal(1, Sum("mlc.records.failed", ("stage", "write")));
        Assert.Equal(1, Sum("mlc.records.poisoned", ("stage", "write")));
        Assert.Equal(ActivityStatusCode.Error, Single(Spans("acme-9"), "write").Status);
    }

    /// <summary>The engine with this test's flow and in-memory exporters; without a host nothing starts the providers, so it resolves them.</summary>
    private async Task<PipelineHarness> StartAsync()
    {
        var harness = await PipelineHarness.StartAsync(azurite.ConnectionString, services =>
        {
            services.AddFlow(new FlowDefinition
            {
                Name = _flow,
                Description = "telemetry test flow",
                SourceSystem = "Test source",
                TargetSystem = "Test target",
                Source = sp => new ScriptedSource(sp.GetRequiredService<TimeProvider>()),
                Mapper = sp => new PrefixMapper(sp.GetRequiredService<IMappingTables>()),
                Sink = _ => _sink,
            });
            services.AddOpenTelemetry()
                .AddMlConnectorInstrumentation()
                .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
                .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));
        });
        _ = harness.Get<TracerProvider>();
        _ = harness.Get<MeterProvider>();
        return harness;
    }

    private static void Flush(PipelineHarness harness)
    {
        harness.Get<TracerProvider>().ForceFlush();
        harness.Get<MeterProvider>().ForceFlush();
    }

    /// <summary>This test's spans of one record (the meter and source are process-wide; other tests run other flows).</summary>
    private List<Activity> Spans(string key)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => Equals(s.GetTagItem(RecordTrace.FlowTag), _flow) && Equals(s.GetTagItem(RecordTrace.RecordTag), key))];
        }
    }

    private Activity Single(List<Activity> spans, string stage) => Assert.Single(spans, s => s.DisplayName == $"{stage} {_flow}");

    private List<MetricPoint> Points(string name, params (string Key, string Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (Equals(pointTags.GetValueOrDefault("flow"), _flow) && tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    /// <summary>The latest cumulative value of a counter for this test's flow.</summary>
    private long Sum(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Select(p => p.GetSumLong()).DefaultIfEmpty(0).Max();

    private long HistogramCount(string name) => Points(name).Select(p => p.GetHistogramCount()).DefaultIfEmpty(0).Max();
}
