using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using MlConnector.Core.Secrets;

namespace MlConnector.Pipeline.Secrets;

/// <summary>Secrets in Azure Key Vault; every set is a new version, so rotated refresh tokens keep their history.</summary>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public static KeyVaultSecretStore Create(Uri vaultUri) => new(new SecretClient(vaultUri, new DefaultAzureCredential()));

    public async Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        try
        {
            var secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            return secret.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        await client.SetSecretAsync(name, value, cancellationToken);
    }
}
