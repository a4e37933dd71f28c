namespace MlConnector.Core.Secrets;

/// <summary>
/// Where credentials live: Key Vault in Azure, an encrypted file on one machine. Names use letters, digits
/// and dashes only (Key Vault's rule), e.g. <c>x3-cloud-refresh-token</c>.
/// </summary>
public interface ISecretStore
{
    /// <summary>The current value, or null when the secret does not exist.</summary>
    Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores a new value (a new version in Key Vault); used to save rotated refresh tokens at once.</summary>
    Task SetSecretAsync(string name, string value, CancellationToken cancellationToken);
}
