using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SageX3.Auth;

/// <summary>
/// Checks the HS256 JWT a connected application signs for on-premise GraphQL: signature, issuer (client id),
/// subject (allowed user), expiry, lifetime within the configured validity, and no <c>iat</c> in the future.
/// </summary>
internal static class ConnectedAppAuthentication
{
    /// <summary>Null when the token is acceptable; otherwise why not.</summary>
    public static string? Reject(HttpRequest request, SageX3SimulatorOptions options)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "Missing bearer token";
        }

        var payload = Jwt.Verify(header[7..].Trim(), options.ConnectedAppSecret);
        if (payload is null)
        {
            return "Invalid token signature";
        }

        var now = options.Time.GetUtcNow().ToUnixTimeSeconds();
        var iat = payload["iat"]?.GetValue<long>();
        var exp = payload["exp"]?.GetValue<long>();
        if (payload["iss"]?.GetValue<string>() != options.ConnectedAppClientId)
        {
            return "Unknown connected application";
        }

        if (payload["sub"]?.GetValue<string>() != options.ConnectedAppUser)
        {
            return "User not allowed for this connected application";
        }

        if (iat is null || exp is null)
        {
            return "Token must carry iat and exp";
        }

        if (iat > now)
        {
            return "Token issued in the future (error 21)";
        }

        if (exp <= now)
        {
            return "Token expired";
        }

        return exp - iat > (long)options.ConnectedAppTokenValidity.TotalSeconds ? "Token lifetime exceeds the connected application's validity" : null;
    }
}
