using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline;

namespace MlConnector.Functions.ContractTests.Support;

/// <summary>The engine's storage classes over the same Azurite the worker uses, for seeding mappings and reading records.</summary>
public static class StorageServices
{
    public static ServiceProvider Create(string storageConnectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storageConnectionString }).Build())
            .BuildServiceProvider();
}
