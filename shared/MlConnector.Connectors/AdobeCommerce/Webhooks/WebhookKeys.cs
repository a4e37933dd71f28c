using System.Security.Cryptography;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>
/// The key material the configured scheme needs, loaded once and refreshed periodically. Its
/// <see cref="ToString"/> never prints a secret.
/// </summary>
public sealed class WebhookKeys : IDisposable
{
    public WebhookKeys(byte[]? hmacSecret, RSA? commercePublicKey, RSA? ioEventsPublicKey1, RSA? ioEventsPublicKey2, string? problem = null)
    {
        HmacSecret = hmacSecret;
        CommercePublicKey = commercePublicKey;
        IoEventsPublicKey1 = ioEventsPublicKey1;
        IoEventsPublicKey2 = ioEventsPublicKey2;
        Problem = problem;
    }

    public byte[]? HmacSecret { get; }
    public RSA? CommercePublicKey { get; }
    public RSA? IoEventsPublicKey1 { get; }
    public RSA? IoEventsPublicKey2 { get; }

    /// <summary>Why the configured keys cannot be used (missing secret, unreadable PEM); every delivery fails with it.</summary>
    public string? Problem { get; }

    /// <summary>Reads a PEM public key (SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY"), or explains why it cannot.</summary>
    public static RSA? ImportPem(string? pem, string what, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pem))
        {
            problem = $"{what} is not configured";
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            // App settings often carry PEMs with literal "\n" sequences.
            rsa.ImportFromPem(pem.Replace("\\n", "\n", StringComparison.Ordinal));
            return rsa;
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            problem = $"{what} is not a readable PEM public key (wrong key configured?)";
            return null;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            problem = $"{what} is not a readable PEM public key (wrong key configured?)";
            return null;
        }
    }

    public override string ToString() => "WebhookKeys(redacted)";

    public void Dispose()
    {
        CommercePublicKey?.Dispose();
        IoEventsPublicKey1?.Dispose();
        IoEventsPublicKey2?.Dispose();
    }
}
