using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>
/// On-premise GraphQL: signs the connected application's own HS256 JWT (iss = client id, sub = user,
/// aud = "", iat = now, exp = iat + TokenValidity). No network call; <c>iat</c> is rounded down so it is
/// never in the server's future.
/// </summary>
public sealed class ConnectedAppTokenSource(ISecretStore secrets, IOptionsMonitor<SageX3Options> options, TimeProvider time) : IAccessTokenSource
{
    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var secret = await secrets.GetSecretAsync(SageX3SecretNames.GraphQlClientSecret, cancellationToken)
            ?? throw new SageX3ConfigurationException($"The secret '{SageX3SecretNames.GraphQlClientSecret}' (the connected application's secret) is not set.");
        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = issuedAt + (long)settings.TokenValidity.TotalSeconds;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = settings.ClientId,
            ["sub"] = settings.User,
            ["aud"] = string.Empty,
            ["iat"] = issuedAt,
            ["exp"] = expiresAt,
        });
        var signingInput = $"{Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8)}.{Base64Url(payload)}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return new AccessToken($"{signingInput}.{Base64Url(signature)}", DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
