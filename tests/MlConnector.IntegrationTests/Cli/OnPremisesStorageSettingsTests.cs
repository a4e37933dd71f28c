using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Storage;
using MlConnector.Runtime;

namespace MlConnector.IntegrationTests.Cli;

/// <summary>
/// The production state store for an on-premises `mlc run` (docs/on-premises.md): the customer's Azure Storage
/// account, reached over HTTPS with an Entra identity, configured by the three service URIs. Nothing here calls Azure
/// (no network in tests): it checks that those settings, as mlc reads them, give the runtime's clients those endpoints
/// and the intended credential, and no connection string.
/// </summary>
public sealed class OnPremisesStorageSettingsTests
{
    private static readonly Dictionary<string, string?> ServiceUris = new()
    {
        // The sample ships AzureWebJobsStorage as Azurite's; an empty value means "not set" (EmptySettings).
        ["AzureWebJobsStorage"] = string.Empty,
        ["AzureWebJobsStorage:queueServiceUri"] = "https://contosomlc.queue.core.windows.net",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://contosomlc.table.core.windows.net",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://contosomlc.blob.core.windows.net",
    };

    [Fact]
    public async Task Service_uris_alone_reach_the_account_with_the_default_azure_credential_of_the_machine()
    {
        await using var runtime = LocalRuntime.Build(Configuration(ServiceUris));

        var connection = runtime.Services.GetRequiredService<StorageConnection>();
        var storage = runtime.Services.GetRequiredService<PipelineStorage>();

        Assert.Null(connection.ConnectionString);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
        Assert.Equal(new Uri("https://contosomlc.queue.core.windows.net/map"), storage.MapQueue.Uri);
        Assert.Equal(new Uri("https://contosomlc.queue.core.windows.net/write-poison"), storage.WritePoisonQueue.Uri);
        Assert.Equal("contosomlc.table.core.windows.net", storage.Records.Uri.Host);
        Assert.Equal(new Uri("https://contosomlc.blob.core.windows.net/payloads"), storage.Payloads.Uri);
    }

    [Fact]
    public async Task An_azure_arc_managed_identity_is_chosen_with_credential_managedidentity_and_its_client_id()
    {
        var settings = new Dictionary<string, string?>(ServiceUris)
        {
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-00000000c11d",
        };
        await using var runtime = LocalRuntime.Build(Configuration(settings));

        Assert.IsType<ManagedIdentityCredential>(runtime.Services.GetRequiredService<StorageConnection>().Credential);
    }

    [Fact]
    public void Without_a_connection_string_or_all_three_uris_the_runtime_names_the_settings_it_needs()
    {
        var settings = new Dictionary<string, string?>(ServiceUris) { ["AzureWebJobsStorage:tableServiceUri"] = string.Empty };

        var refused = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration(settings)));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
