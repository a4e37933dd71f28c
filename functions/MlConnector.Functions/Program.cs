using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlConnector.Flows;
using MlConnector.Functions.Monitoring;
using MlConnector.OperatorConsole;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

// Identity-based ingestion: ConfigureFunctionsApplicationInsights turns APPLICATIONINSIGHTS_AUTHENTICATION_STRING
// into a managed-identity credential, so no instrumentation key or secret is needed.
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider otherwise keeps only Warning+; pipeline Information logs (with their
// Flow, SourceKey and CorrelationId scopes) are what operators query.
builder.Logging.Services.Configure<LoggerFilterOptions>(ApplicationInsightsLogFilter.RemoveWarningFloor);

// The 2.x Application Insights SDK does not collect System.Diagnostics.Metrics meters by itself.
builder.Services.AddMlConnectorMetricsForwarding();

builder.Services.AddMlConnector(builder.Configuration);
builder.Services.AddOperatorConsole();

builder.Build().Run();
