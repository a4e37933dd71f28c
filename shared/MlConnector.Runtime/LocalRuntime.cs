using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MlConnector.Flows;
using MlConnector.OperatorConsole;
using MlConnector.Pipeline.Access;
using MlConnector.Pipeline.Hosting;
using MlConnector.Runtime.Admin;
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
        var runtimeOptions = builder.Configuration.GetSection(LocalRuntimeOptions.SectionName).Get<LocalRuntimeOptions>() ?? new LocalRuntimeOptions();
        builder.Services.AddOptions<LocalRuntimeOptions>().Bind(builder.Configuration.GetSection(LocalRuntimeOptions.SectionName))
            .Validate(options => options.StopGraceSeconds >= 0, "LocalRuntime__StopGraceSeconds must be 0 or more (seconds in-flight messages get after a stop signal).")
            .ValidateOnStart();
        builder.Services.AddSingleton(new AdminAccess(url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        builder.Services.AddHostedService<AdminTokenInitializer>();
        builder.Services.TryAddSingleton(_ => QueueRules.Load(HostJsonPath()));
        configure?.Invoke(builder.Services);

        // The console and admin routes trust the person at this machine, or the admin token; a host may register another access first.
        builder.Services.TryAddSingleton<IOperatorAccess, LocalOperatorAccess>();
        builder.Services.AddMlConnector(builder.Configuration);
        builder.Services.AddOperatorConsole();
        builder.Services.AddOtlpExportWhenConfigured(builder.Configuration);
        builder.Services.AddServiceHosting();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<PipelineWorkers>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHostedService<QueueWorkerService>();
        builder.Services.AddHostedService<FlowScheduler>();
        // The workers' own bound (the stop grace) decides; the host's is a backstop above it.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(options => options.ShutdownTimeout = runtimeOptions.StopGrace + TimeSpan.FromSeconds(30));
        var app = builder.Build();
        LocalEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Runs <paramref name="app"/> until Ctrl+C or SIGTERM (the host's console lifetime) or <paramref name="stop"/>, then
    /// stops it: polls are cancelled at once, messages in flight get <see cref="LocalRuntimeOptions.StopGraceSeconds"/>
    /// to finish and are handed back to the queue after that, and the listener closes.
    /// </summary>
    public static async Task RunUntilStoppedAsync(WebApplication app, CancellationToken stop)
    {
        StartupSettings.Validate(app.Services, app.Configuration);
        await app.StartAsync(stop);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping, stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The signal to stop.
        }

        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>The repository's host.json (shared with the Functions app), else the one beside the program.</summary>
    public static string HostJsonPath()
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var inRepo = root is null ? null : Path.Combine(root, "host.json");
        return inRepo is not null && File.Exists(inRepo) ? inRepo : Path.Combine(AppContext.BaseDirectory, "host.json");
    }
}
