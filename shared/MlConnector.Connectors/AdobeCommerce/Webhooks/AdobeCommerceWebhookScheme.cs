namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>How an incoming order webhook proves it came from the customer's store.</summary>
public enum AdobeCommerceWebhookScheme
{
    /// <summary>HMAC-SHA256 of the raw body with a shared secret (what the product page promises; a proxy or App Builder action can sign this way).</summary>
    Hmac,

    /// <summary>The Commerce webhooks module: RSA-SHA256 (PKCS#1 v1.5) over the base64 text of the body, checked with the admin PEM public key.</summary>
    CommerceRsa,

    /// <summary>Adobe I/O Events: two RSA-SHA256 signatures over the raw body; valid when either verifies.</summary>
    IoEvents,
}

/// <summary>How an HMAC digest is written in its header.</summary>
public enum WebhookDigestEncoding
{
    Base64,
    Hex,
}
