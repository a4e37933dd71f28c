namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>Names of the Adobe Commerce secrets in the secret store (Key Vault naming: letters, digits, dashes).</summary>
public static class AdobeCommerceSecretNames
{
    public const string ConsumerSecret = "adobe-commerce-consumer-secret";
    public const string AccessTokenSecret = "adobe-commerce-access-token-secret";
    public const string IntegrationToken = "adobe-commerce-integration-token";
    public const string ImsClientSecret = "adobe-commerce-ims-client-secret";
    public const string WebhookSecret = "adobe-commerce-webhook-secret";

    /// <summary>The Commerce webhooks module's PEM public key, when not given in configuration (it is not secret, but rotates with "Regenerate key pair").</summary>
    public const string WebhookPublicKey = "adobe-commerce-webhook-public-key";

    /// <summary>Adobe I/O Events public keys, when not given in configuration.</summary>
    public const string IoEventsPublicKey1 = "adobe-commerce-io-events-public-key-1";

    public const string IoEventsPublicKey2 = "adobe-commerce-io-events-public-key-2";
}
