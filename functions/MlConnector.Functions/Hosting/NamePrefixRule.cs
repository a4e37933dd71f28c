using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline;

namespace MlConnector.Functions.Hosting;

/// <summary>
/// The queue triggers bind to the queues <c>map</c> and <c>write</c> by name, so the Functions app refuses a
/// Pipeline__NamePrefix at start rather than sending every record to queues no trigger reads.
/// </summary>
internal static class NamePrefixRule
{
    internal const string Refusal =
        "Pipeline__NamePrefix must be empty in the Functions app: its queue triggers read the queues 'map' and 'write', " +
        "so a prefix would send every record to queues no trigger reads. Remove the setting; the prefix is for the local runtime and tests.";

    internal static IServiceCollection RefuseNamePrefix(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().Validate(options => string.IsNullOrEmpty(options.NamePrefix), Refusal).ValidateOnStart();
        return services;
    }
}
