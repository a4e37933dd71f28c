using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>Issues opaque bearer tokens and remembers when each expires.</summary>
internal sealed class TokenIssuer(JaggaerSimulatorOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public int IssuedCount => _issued;

    public string Issue()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = options.Time.GetUtcNow().AddSeconds(options.TokenLifetimeSeconds);
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string token) => _tokens.TryGetValue(token, out var expiresAt) && expiresAt > options.Time.GetUtcNow();

    /// <summary>Makes every issued token fail as if it had expired.</summary>
    public void ExpireAll() => _tokens.Clear();
}
