using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlConnector.Connectors.AdobeCommerce.Auth;

/// <summary>The signature methods Commerce integrations accept.</summary>
public static class OAuth1SignatureMethods
{
    public const string HmacSha256 = "HMAC-SHA256";
    public const string HmacSha1 = "HMAC-SHA1";
}

/// <summary>
/// OAuth 1.0a request signing (RFC 5849 section 3.4). Query parameters and oauth_* parameters are signed; a JSON
/// body is not (only form-encoded bodies would be, and Commerce REST calls send JSON).
/// </summary>
public static class OAuth1Signature
{
    /// <summary>RFC 3986 unreserved characters pass; everything else is %XX of its UTF-8 bytes, upper-case hex.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Scheme and host lower-case, default ports dropped, no query or fragment.</summary>
    public static string BaseStringUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var host = uri.Host.ToLowerInvariant();
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return $"{scheme}://{host}{port}{uri.AbsolutePath}";
    }

    /// <summary>The query's parameters, decoded (a <c>+</c> is a space, as in form encoding).</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            yield return new(Decode(name), Decode(value));
        }
    }

    /// <summary>Parameters encoded, sorted by name then value (ordinal), joined with &amp;.</summary>
    public static string NormalizeParameters(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    public static string BaseString(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters) =>
        $"{method.ToUpperInvariant()}&{Encode(BaseStringUri(uri))}&{Encode(NormalizeParameters(parameters))}";

    public static string Sign(string baseString, string signatureMethod, string consumerSecret, string? tokenSecret)
    {
        var key = Encoding.UTF8.GetBytes(Encode(consumerSecret) + "&" + Encode(tokenSecret ?? string.Empty));
        var data = Encoding.UTF8.GetBytes(baseString);
        var mac = signatureMethod switch
        {
            OAuth1SignatureMethods.HmacSha256 => HMACSHA256.HashData(key, data),
#pragma warning disable CA5350 // HMAC-SHA1 is still an accepted OAuth 1.0a method; offered only when configured.
            OAuth1SignatureMethods.HmacSha1 => HMACSHA1.HashData(key, data),
#pragma warning restore CA5350
            _ => throw new ArgumentException($"Unsupported OAuth signature method '{signatureMethod}'.", nameof(signatureMethod)),
        };
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Signs a request and returns the <c>Authorization</c> header value (without the <c>OAuth</c> scheme word).
    /// <paramref name="formParameters"/> are only for form-encoded bodies.
    /// </summary>
    public static string CreateAuthorizationParameter(
        string method,
        Uri uri,
        OAuth1Credentials credentials,
        string nonce,
        long timestamp,
        IEnumerable<KeyValuePair<string, string>>? formParameters = null)
    {
        var oauth = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", credentials.SignatureMethod),
            new("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            new("oauth_token", credentials.Token),
            new("oauth_version", "1.0"),
        };
        var all = oauth.Concat(QueryParameters(uri)).Concat(formParameters ?? []);
        var signature = Sign(BaseString(method, uri, all), credentials.SignatureMethod, credentials.ConsumerSecret, credentials.TokenSecret);
        oauth.Add(new("oauth_signature", signature));
        return string.Join(',', oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

/// <summary>What signs a request. Records print their members, so <see cref="ToString"/> hides the secrets.</summary>
public sealed record OAuth1Credentials(string ConsumerKey, string ConsumerSecret, string Token, string TokenSecret, string SignatureMethod)
{
    public override string ToString() => $"OAuth1Credentials({ConsumerKey}, {SignatureMethod})";
}
