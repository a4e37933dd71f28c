using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Auth;

/// <summary>
/// The X3 Cloud gateway's view of one app: authorization codes from pairing, rotating refresh tokens
/// (each use revokes the old one) and 5-minute access tokens.
/// </summary>
internal sealed class CloudGrants(SageX3SimulatorOptions options)
{
    private const string SigningKey = "gateway-signing-key-not-a-secret-of-any-customer";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);

    public int RefreshTokensIssued { get; private set; }

    public int AccessTokensIssued { get; private set; }

    public string IssueCode(bool accepted, TimeSpan? lifetime = null)
    {
        var code = Random("code");
        lock (_gate)
        {
            _codes[code] = new CodeGrant(accepted, options.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(10)));
        }

        return code;
    }

    /// <summary>Exchanges a code; null and the gateway's message when refused.</summary>
    public (JsonObject? Tokens, string? Refusal) RedeemCode(string code)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var grant))
            {
                return (null, "The request has expired.");
            }

            if (!grant.Accepted)
            {
                return (null, "The pairing request has not been accepted.");
            }

            _codes.Remove(code);
            return grant.ExpiresAt <= options.Time.GetUtcNow() ? (null, "The request has expired.") : (IssuePair(), null);
        }
    }

    /// <summary>Rotates a refresh token: the presented one stops working at once.</summary>
    public JsonObject? Refresh(string refreshToken)
    {
        lock (_gate)
        {
            if (!_refreshTokens.Remove(refreshToken, out var expiresAt) || expiresAt <= options.Time.GetUtcNow())
            {
                return null;
            }

            return IssuePair();
        }
    }

    /// <summary>Makes every refresh token unusable, as when the pairing is deleted in X3.</summary>
    public void RevokeAll()
    {
        lock (_gate)
        {
            _refreshTokens.Clear();
            _accessTokens.Clear();
        }
    }

    public bool IsAccessTokenValid(string token)
    {
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var expiresAt) && expiresAt > options.Time.GetUtcNow();
        }
    }

    private JsonObject IssuePair()
    {
        var now = options.Time.GetUtcNow();
        var expiresAt = now + options.CloudAccessTokenLifetime;
        var access = Jwt.Sign(new JsonObject
        {
            ["iss"] = "api.simulated-sagex3.com",
            ["aud"] = "api.simulated-sagex3.com",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["region"] = "sim",
            ["sub"] = "x3-user",
            ["azp"] = options.CloudClientId,
            ["scopes"] = "api.graphQL businessDomain.ALL",
            ["jti"] = Random("jti"),
        }, SigningKey);
        var refresh = Random("rt");
        _accessTokens[access] = expiresAt;
        _refreshTokens[refresh] = now + options.CloudRefreshTokenLifetime;
        AccessTokensIssued++;
        RefreshTokensIssued++;
        return new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.CloudAccessTokenLifetime.TotalSeconds,
        };
    }

    private static string Random(string prefix) => $"{prefix}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}";

    private sealed record CodeGrant(bool Accepted, DateTimeOffset ExpiresAt);
}
