using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using MlConnector.Core.Secrets;

namespace MlConnector.Pipeline.Secrets;

/// <summary>
/// <see cref="ISecretStore"/> on Azure Key Vault. Every set creates a new secret version, so a rotated
/// refresh token is saved at once and the previous one stays recoverable from the vault's history.
/// In Azure, pass a <c>DefaultAzureCredential</c> (it picks the app's user-assigned identity from AZURE_CLIENT_ID);
/// the identity needs Key Vault Secrets Officer because connectors write rotated tokens back.
/// </summary>
public sealed class KeyVaultSecretStore : ISecretStore
{
    private readonly SecretClient client;

    /// <summary>The production store: <see cref="DefaultAzureCredential"/> (managed identity in Azure, your sign-in locally).</summary>
    public static KeyVaultSecretStore Create(Uri vaultUri) => new(vaultUri, new DefaultAzureCredential());

    public KeyVaultSecretStore(Uri vaultUri, TokenCredential credential, SecretClientOptions? options = null)
        : this(new SecretClient(
            vaultUri ?? throw new ArgumentNullException(nameof(vaultUri)),
            credential ?? throw new ArgumentNullException(nameof(credential)),
            options ?? new SecretClientOptions()))
    {
    }

    public KeyVaultSecretStore(SecretClient client)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public async Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        try
        {
            Response<KeyVaultSecret> response = await client.GetSecretAsync(name, version: null, cancellationToken);
            return response.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Absent is an expected state (e.g. before X3 Cloud is paired); the caller decides what it means.
            return null;
        }
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        ArgumentNullException.ThrowIfNull(value);
        await client.SetSecretAsync(name, value, cancellationToken);
    }
}
