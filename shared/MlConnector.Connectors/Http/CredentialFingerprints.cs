using System.Security.Cryptography;
using System.Text;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Http;

/// <summary>Fingerprints of credentials for <see cref="ICredentialFingerprint"/>: a short hash, so no secret is held or shown.</summary>
public static class CredentialFingerprints
{
    /// <summary>A hash of <paramref name="parts"/> (client id, the stored secret, ...); null parts count as empty.</summary>
    public static string Of(params string?[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(part => part ?? string.Empty)))))[..16];

    /// <summary>The fingerprint of a client id and the secret stored under <paramref name="secretName"/>.</summary>
    public static async ValueTask<string?> OfStoredSecretAsync(ISecretStore secrets, string clientId, string secretName, CancellationToken cancellationToken) =>
        Of(clientId, await secrets.GetSecretAsync(secretName, cancellationToken));
}
