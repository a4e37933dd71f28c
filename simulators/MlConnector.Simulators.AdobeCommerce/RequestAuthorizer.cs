using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// Checks credentials the way the store would: OAuth 1.0a signatures recomputed server-side (timestamp window,
/// nonce replay refused), bearer integration tokens only when allowed, IMS bearer tokens with their gateway headers.
/// </summary>
public sealed class RequestAuthorizer(AdobeCommerceSimulatorOptions options)
{
    private readonly ConcurrentDictionary<string, byte> _usedNonces = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _imsTokens = new();

    /// <summary>Why the request is refused, or null when it may proceed.</summary>
    public string? Refusal(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (options.AuthMode == SimulatedAuthMode.Ims)
        {
            return ImsRefusal(request, authorization);
        }

        if (authorization.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthRefusal(request, authorization["OAuth ".Length..]);
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return options.AllowIntegrationBearer && FixedEquals(token, options.AccessToken) ? null : "bearer integration token refused";
        }

        return "no credentials";
    }

    public string IssueImsToken()
    {
        var token = "sim-ims-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _imsTokens[token] = options.Time.GetUtcNow() + options.ImsTokenLifetime;
        return token;
    }

    /// <summary>Lets a test expire every IMS token at once.</summary>
    public void ExpireImsTokens() => _imsTokens.Clear();

    private string? ImsRefusal(HttpRequest request, string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
            !_imsTokens.TryGetValue(authorization["Bearer ".Length..].Trim(), out var expires) || expires <= options.Time.GetUtcNow())
        {
            return "IMS token missing or expired";
        }

        if (request.Headers["x-api-key"] != options.ImsClientId)
        {
            return "x-api-key does not match the IMS client";
        }

        return request.Headers["x-gw-ims-org-id"] == options.ImsOrgId ? null : "x-gw-ims-org-id does not match";
    }

    private string? OAuthRefusal(HttpRequest request, string header)
    {
        var oauth = ParseHeader(header);
        if (!oauth.TryGetValue("oauth_signature", out var signature) ||
            !oauth.TryGetValue("oauth_consumer_key", out var consumerKey) || consumerKey != options.ConsumerKey ||
            !oauth.TryGetValue("oauth_token", out var token) || token != options.AccessToken)
        {
            return "unknown consumer or token";
        }

        if (!oauth.TryGetValue("oauth_timestamp", out var timestampText) ||
            !long.TryParse(timestampText, CultureInfo.InvariantCulture, out var timestamp) ||
            Math.Abs(options.Time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > options.TimestampWindow.TotalSeconds)
        {
            return "timestamp refused";
        }

        var method = oauth.GetValueOrDefault("oauth_signature_method");
        var parameters = oauth.Where(p => p.Key != "oauth_signature" && p.Key != "realm")
            .Concat(QueryParameters(request.QueryString.Value))
            .ToList();
        var url = $"{request.Scheme.ToLowerInvariant()}://{request.Host.Value!.ToLowerInvariant()}{request.PathBase}{request.Path}";
        var normalized = string.Join('&', parameters
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var baseString = $"{request.Method.ToUpperInvariant()}&{Encode(url)}&{Encode(normalized)}";
        var key = Encoding.UTF8.GetBytes($"{Encode(options.ConsumerSecret)}&{Encode(options.AccessTokenSecret)}");
        byte[] expected;
        if (method == "HMAC-SHA256")
        {
            expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(baseString));
        }
        else if (method == "HMAC-SHA1")
        {
#pragma warning disable CA5350 // Commerce still accepts HMAC-SHA1 OAuth signatures.
            expected = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(baseString));
#pragma warning restore CA5350
        }
        else
        {
            return "signature method not supported";
        }

        if (!FixedEquals(Convert.ToBase64String(expected), signature))
        {
            return "invalid signature";
        }

        // Replay is checked after the signature, so a forged request cannot burn a real nonce.
        return _usedNonces.TryAdd($"{consumerKey}|{oauth.GetValueOrDefault("oauth_nonce")}|{timestampText}", 0)
            ? null
            : "The nonce is already being used by the consumer";
    }

    private static Dictionary<string, string> ParseHeader(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                values[Uri.UnescapeDataString(part[..separator])] = Uri.UnescapeDataString(part[(separator + 1)..].Trim('"'));
            }
        }

        return values;
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(string? query)
    {
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            yield return new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
