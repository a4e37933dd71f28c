using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>Issues JWT-shaped bearer tokens (Auth0 style; clients must treat them as opaque) and remembers when each expires.</summary>
internal sealed class SpsTokenIssuer(SpsCommerceSimulatorOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _requests = new();
    private int _issued;

    public int IssuedCount => _issued;

    public string Issue()
    {
        var now = options.Time.GetUtcNow();
        var expires = now.AddSeconds(options.TokenLifetimeSeconds);
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "sim" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "https://auth.spscommerce.com/",
            ["sub"] = options.ClientId + "@clients",
            ["aud"] = options.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["gty"] = "client-credentials",
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        }));
        var token = $"{header}.{payload}.{Encode(RandomNumberGenerator.GetBytes(32))}";
        _tokens[token] = expires;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string token) => _tokens.TryGetValue(token, out var expiresAt) && expiresAt > options.Time.GetUtcNow();

    /// <summary>Counts a token request; false once the per-minute budget is spent.</summary>
    public bool TryAdmitRequest()
    {
        var now = options.Time.GetUtcNow();
        while (_requests.TryPeek(out var oldest) && oldest < now.AddMinutes(-1))
        {
            _requests.TryDequeue(out _);
        }

        if (_requests.Count >= options.TokenRequestsPerMinute)
        {
            return false;
        }

        _requests.Enqueue(now);
        return true;
    }

    /// <summary>Makes every issued token fail as if it had expired.</summary>
    public void ExpireAll() => _tokens.Clear();

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
