using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime;
using MlConnector.Runtime.Queues;

namespace MlConnector.Cli;

/// <summary>The engine and connectors for one CLI command, built from the same composition root as both hosts.</summary>
public static class CliHost
{
    public static async Task<ServiceProvider> BuildAsync(IConfiguration configuration, CancellationToken cancellationToken, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(_ => QueueRules.Load(LocalRuntime.HostJsonPath()));
        services.AddSingleton(configuration);
        configure?.Invoke(services);
        services.AddMlConnector(configuration);
        services.AddOptions<LocalRuntimeOptions>().Bind(configuration.GetSection(LocalRuntimeOptions.SectionName));
        services.AddSingleton<PipelineWorkers>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        await provider.GetRequiredService<PipelineStorage>().EnsureCreatedAsync(cancellationToken);
        return provider;
    }
}
