using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.IntegrationTests.Engine;
using MlConnector.Pipeline;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Stages;
using MlConnector.Runtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MlConnector.IntegrationTests.Telemetry;

/// <summary>The local runtime sends its traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, and collects nothing otherwise.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OtlpExportTests(AzuriteFixture azurite)
{
    private readonly string _flow = "otlp-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task With_an_otlp_endpoint_the_runtime_exports_the_record_spans_and_the_pipeline_metrics()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var app = Runtime(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await app.StartAsync();
        var source = (ScriptedSource)app.Services.GetRequiredService<FlowCatalog>().Parts(_flow).Source;
        await app.Services.GetRequiredService<TableMappingTables>().SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        source.Put("acme-1");

        await app.Services.GetRequiredService<FlowPoller>().PollAsync(_flow, CancellationToken.None);
        await app.Services.GetRequiredService<PipelineBacklog>().WaitUntilEmptyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        await app.StopAsync();
        await app.DisposeAsync(); // flushes the exporters

        var traces = collector.Bodies("/v1/traces");
        Assert.Contains(traces, body => body.Contains("intake " + _flow, StringComparison.Ordinal));
        Assert.Contains(traces, body => body.Contains("write " + _flow, StringComparison.Ordinal));
        Assert.Contains(collector.Bodies("/v1/metrics"), body => body.Contains("mlc.records.written", StringComparison.Ordinal) && body.Contains(_flow, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_the_runtime_registers_no_telemetry_provider()
    {
        await using var app = Runtime(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty });

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    private WebApplication Runtime(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Pipeline:NamePrefix"] = "o" + Guid.NewGuid().ToString("N")[..10],
            ["Pipeline:MappingCacheSeconds"] = "0",
        }).Build();
        return LocalRuntime.Build(configuration, $"http://127.0.0.1:{FreePort()}", services => services.AddFlow(new FlowDefinition
        {
            Name = _flow,
            Description = "OTLP test flow",
            SourceSystem = "Test source",
            TargetSystem = "Test target",
            Source = sp => new ScriptedSource(sp.GetRequiredService<TimeProvider>()),
            Mapper = sp => new PrefixMapper(sp.GetRequiredService<IMappingTables>()),
            Sink = _ => new RecordingSink(),
        }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An OTLP/HTTP receiver that keeps each request body (protobuf keeps span and metric names as UTF-8 text).</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _requests = new();

        private OtlpCollector(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._requests.Enqueue((context.Request.Path, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            collector.Address = new Uri(app.Urls.Single() + "/");
            return collector;
        }

        public IReadOnlyList<string> Bodies(string path) => [.. _requests.Where(r => r.Path == path).Select(r => r.Body)];

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
