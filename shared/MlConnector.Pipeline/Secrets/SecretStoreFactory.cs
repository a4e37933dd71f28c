using Microsoft.Extensions.Configuration;
using MlConnector.Core.Configuration;
using MlConnector.Core.Secrets;

namespace MlConnector.Pipeline.Secrets;

/// <summary>Picks the secret store from configuration: Key Vault in Azure, the encrypted file on one machine.</summary>
public static class SecretStoreFactory
{
    public static ISecretStore Create(IConfiguration configuration)
    {
        var options = configuration.GetSection("SecretStore").Get<SecretStoreOptions>() ?? new SecretStoreOptions();
        if (!string.IsNullOrWhiteSpace(options.KeyVaultUri))
        {
            return KeyVaultSecretStore.Create(new Uri(options.KeyVaultUri));
        }

        var directory = string.IsNullOrWhiteSpace(options.LocalPath)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".mlc", "secrets")
            : options.LocalPath;
        return new EncryptedFileSecretStore(directory);
    }
}

[ConfigurationSection("SecretStore")]
public sealed class SecretStoreOptions
{
    /// <summary>The Key Vault to use, e.g. https://kv-mlc-contoso.vault.azure.net/. Empty: the local encrypted file.</summary>
    public string? KeyVaultUri { get; set; }

    /// <summary>Folder of the local encrypted store. Default ~/.mlc/secrets.</summary>
    public string? LocalPath { get; set; }
}
