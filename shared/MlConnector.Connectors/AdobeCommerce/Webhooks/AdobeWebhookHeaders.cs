namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>Header names Adobe's senders use.</summary>
public static class AdobeWebhookHeaders
{
    public const string CommerceSignature = "x-adobe-commerce-webhook-signature";
    public const string IoEventsSignature1 = "x-adobe-digital-signature-1";
    public const string IoEventsSignature2 = "x-adobe-digital-signature-2";
    public const string IoEventsPublicKey1Path = "x-adobe-public-key1-path";
    public const string IoEventsPublicKey2Path = "x-adobe-public-key2-path";

    /// <summary>
    /// How the intake hands this source the <c>challenge</c> query parameter of an I/O Events registration
    /// <c>GET ?challenge=...</c>: as a pseudo-header of that name on a delivery with an empty body.
    /// </summary>
    public const string ChallengeQuery = "challenge";
}
