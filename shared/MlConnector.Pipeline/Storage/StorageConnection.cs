using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace MlConnector.Pipeline.Storage;

/// <summary>
/// Reads the storage account the same way the Functions host does: the <c>AzureWebJobsStorage</c> connection
/// string (Azurite locally), or the identity-based <c>AzureWebJobsStorage__queueServiceUri</c> family with
/// <c>__credential</c> / <c>__clientId</c> in Azure.
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? QueueServiceUri, Uri? TableServiceUri, Uri? BlobServiceUri, TokenCredential? Credential)
{
    public const string SettingName = "AzureWebJobsStorage";

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageConnection(connectionString, null, null, null, null);
        }

        var section = configuration.GetSection(SettingName);
        var queues = UriOrNull(section["queueServiceUri"]);
        var tables = UriOrNull(section["tableServiceUri"]);
        var blobs = UriOrNull(section["blobServiceUri"]);
        if (queues is null || tables is null || blobs is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string, or set {SettingName}__queueServiceUri, " +
                $"{SettingName}__tableServiceUri and {SettingName}__blobServiceUri for an identity-based connection.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(section["clientId"] ?? throw new InvalidOperationException($"{SettingName}__clientId is required with __credential=managedidentity.")))
            : new DefaultAzureCredential();
        return new StorageConnection(null, queues, tables, blobs, credential);
    }

    private static Uri? UriOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value);
}
