using System.Security.Cryptography;
using System.Text;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>The three signature checks, each over the raw bytes as received (never re-serialised JSON).</summary>
internal static class WebhookSignatureChecks
{
    private const string Mismatch = "signature does not match the body (the body was changed or signed with another key)";

    public static WebhookVerification Hmac(ReadOnlySpan<byte> body, string? header, string headerName, byte[] secret, WebhookDigestEncoding encoding)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.Invalid($"missing header {headerName}");
        }

        var claimed = Decode(header.Trim(), encoding);
        if (claimed is null)
        {
            return WebhookVerification.Invalid($"header {headerName} is not valid {(encoding == WebhookDigestEncoding.Hex ? "hex" : "base64")}");
        }

        var expected = HMACSHA256.HashData(secret, body);
        return CryptographicOperations.FixedTimeEquals(expected, claimed) ? WebhookVerification.Valid : WebhookVerification.Invalid(Mismatch);
    }

    /// <summary>The Commerce webhooks module signs the base64 text of the JSON, not the JSON bytes.</summary>
    public static WebhookVerification CommerceRsa(ReadOnlySpan<byte> body, string? header, string headerName, RSA publicKey)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.Invalid($"missing header {headerName}");
        }

        var signature = Decode(header.Trim(), WebhookDigestEncoding.Base64);
        if (signature is null)
        {
            return WebhookVerification.Invalid($"header {headerName} is not valid base64");
        }

        var signedText = Encoding.ASCII.GetBytes(Convert.ToBase64String(body));
        return VerifyRsa(publicKey, signedText, signature) ? WebhookVerification.Valid : WebhookVerification.Invalid(Mismatch);
    }

    /// <summary>Adobe I/O Events: signature 1 with key 1, signature 2 with key 2, over the raw body; either suffices.</summary>
    public static WebhookVerification IoEvents(ReadOnlySpan<byte> body, string? signature1, string? signature2, RSA? key1, RSA? key2)
    {
        if (string.IsNullOrWhiteSpace(signature1) && string.IsNullOrWhiteSpace(signature2))
        {
            return WebhookVerification.Invalid($"missing header {AdobeWebhookHeaders.IoEventsSignature1} and {AdobeWebhookHeaders.IoEventsSignature2}");
        }

        if (Matches(body, signature1, key1) || Matches(body, signature2, key2))
        {
            return WebhookVerification.Valid;
        }

        return WebhookVerification.Invalid("neither digital signature matches the body (the body was changed or signed with another key)");
    }

    private static bool Matches(ReadOnlySpan<byte> body, string? signature, RSA? key)
    {
        if (key is null || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var bytes = Decode(signature.Trim(), WebhookDigestEncoding.Base64);
        return bytes is not null && VerifyRsa(key, body, bytes);
    }

    private static bool VerifyRsa(RSA key, ReadOnlySpan<byte> data, byte[] signature)
    {
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[]? Decode(string value, WebhookDigestEncoding encoding)
    {
        try
        {
            return encoding == WebhookDigestEncoding.Hex ? Convert.FromHexString(value) : Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
