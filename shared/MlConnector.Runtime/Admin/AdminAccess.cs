using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Runtime.Admin;

/// <summary>
/// Who may call the local runtime's admin endpoints (status, history, replay, reprocess): anyone on this machine while
/// the listener is loopback-only; otherwise only a caller presenting the admin token as <c>Authorization: Bearer</c>.
/// The token is generated at first run, kept in the secret store as <see cref="SecretName"/> and printed by
/// <c>mlc admin token</c>. Webhooks on the same listener are unaffected: their senders prove themselves by signature.
/// </summary>
public sealed class AdminAccess
{
    public const string SecretName = "local-admin-token";

    private string? _token;

    public AdminAccess(IEnumerable<string> listenUrls)
    {
        LoopbackOnly = listenUrls.All(IsLoopback);
    }

    /// <summary>True when every address the runtime listens on is a loopback address.</summary>
    public bool LoopbackOnly { get; }

    /// <summary>Whether a token is loaded; without one, only loopback callers of a loopback-only listener get in.</summary>
    public bool HasToken => _token is not null;

    public void UseToken(string token) => _token = token;

    public bool Allows(HttpContext context)
    {
        if (_token is { } expected && Presented(context) is { } presented && FixedTimeEquals(presented, expected))
        {
            return true;
        }

        return LoopbackOnly && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }

    /// <summary>The stored admin token, generated and saved first if there is none yet (32 random bytes, base64url).</summary>
    public static async Task<string> LoadOrCreateTokenAsync(ISecretStore secrets, bool rotate, CancellationToken cancellationToken)
    {
        if (!rotate && await secrets.GetSecretAsync(SecretName, cancellationToken) is { Length: > 0 } existing)
        {
            return existing;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await secrets.SetSecretAsync(SecretName, token, cancellationToken);
        return token;
    }

    /// <summary>Kestrel URLs: a host that is a loopback address or "localhost" binds loopback only; "*", "+", "0.0.0.0" and names do not.</summary>
    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/', 2)[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static string? Presented(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
