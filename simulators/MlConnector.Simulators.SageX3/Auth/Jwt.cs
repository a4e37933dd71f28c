using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Auth;

/// <summary>HS256 compact JWTs: what the connected application signs and what the cloud gateway issues.</summary>
internal static class Jwt
{
    public static string Sign(JsonObject payload, string secret)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var body = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{body}")));
        return $"{header}.{body}.{signature}";
    }

    /// <summary>The payload when the signature matches <paramref name="secret"/>; null otherwise.</summary>
    public static JsonObject? Verify(string token, string secret)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        byte[] actual;
        try
        {
            actual = FromBase64Url(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return null;
            }

            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != "HS256")
            {
                return null;
            }

            return JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}
