using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlConnector.Flows;
using MlConnector.Functions.Hosting;
using MlConnector.Functions.Monitoring;
using MlConnector.OperatorConsole;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Telemetry;
using OpenTelemetry.Logs;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

// OpenTelemetry (docs/operations.md): the worker's defaults (its invocation spans, and the capability that stops the
// host emitting the worker's telemetry twice), the pipeline's meter and activity source, and Azure Monitor.
var telemetry = builder.Services.AddOpenTelemetry();
telemetry.UseFunctionsWorkerDefaults().AddMlConnectorInstrumentation();
telemetry.UseAzureMonitorWhenConfigured(builder.Configuration);

// Log scopes (Flow, SourceKey, CorrelationId) become customDimensions: operators query records by them.
builder.Services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);

builder.Services.AddMlConnector(builder.Configuration);
builder.Services.AddOperatorConsole();
builder.Services.RefuseNamePrefix();
builder.Services.AddHostedService<StorageProvisioner>();

builder.Build().Run();
