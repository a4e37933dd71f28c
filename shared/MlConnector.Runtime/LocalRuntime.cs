using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MlConnector.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Runtime.Azurite;
using MlConnector.Runtime.Hosting;
using MlConnector.Runtime.Http;
using MlConnector.Runtime.Queues;
using MlConnector.Runtime.Scheduling;

namespace MlConnector.Runtime;

/// <summary>
/// ml-connector on one machine: the same stages as the Functions app, bound to timers (Cronos), queue workers
/// with the host's retry and poison rules from host.json, and an HTTP listener (Kestrel, loopback by default).
/// </summary>
public static class LocalRuntime
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplication Build(IConfiguration configuration, string url = DefaultUrl, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(url);
        builder.Services.TryAddSingleton(_ => QueueRules.Load(HostJsonPath()));
        configure?.Invoke(builder.Services);
        builder.Services.AddMlConnector(builder.Configuration);
        builder.Services.AddOtlpExportWhenConfigured(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<PipelineWorkers>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHostedService<QueueWorkerService>();
        builder.Services.AddHostedService<FlowScheduler>();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(1));
        var app = builder.Build();
        LocalEndpoints.Map(app);
        return app;
    }

    /// <summary>The repository's host.json (shared with the Functions app), else the one beside the program.</summary>
    public static string HostJsonPath()
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var inRepo = root is null ? null : Path.Combine(root, "host.json");
        return inRepo is not null && File.Exists(inRepo) ? inRepo : Path.Combine(AppContext.BaseDirectory, "host.json");
    }
}
