using System.ComponentModel.DataAnnotations;
using MlConnector.Connectors.AdobeCommerce.Auth;
using MlConnector.Connectors.AdobeCommerce.Webhooks;
using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// One Adobe Commerce store. Ids live here; secrets (consumer secret, token secrets, webhook secret) live in the
/// secret store under <see cref="AdobeCommerceSecretNames"/>.
/// </summary>
[ConfigurationSection("AdobeCommerce")]
public sealed class AdobeCommerceOptions
{
    /// <summary>REST root including the store code, e.g. <c>https://shop.example.com/rest/default/</c> (ACCS: <c>https://na1.api.commerce.adobe.com/&lt;tenant&gt;/</c>).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Default <see cref="AdobeCommerceAuthMode.OAuth1"/>.</summary>
    public AdobeCommerceAuthMode AuthMode { get; set; } = AdobeCommerceAuthMode.OAuth1;

    /// <summary>Integration consumer key (OAuth1).</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>Integration access token (OAuth1 <c>oauth_token</c>); its secret is in the secret store.</summary>
    public string? AccessToken { get; set; }

    /// <summary><c>HMAC-SHA256</c> (default) or <c>HMAC-SHA1</c>.</summary>
    public string OAuthSignatureMethod { get; set; } = OAuth1SignatureMethods.HmacSha256;

    /// <summary>Adobe IMS client id, also sent as <c>x-api-key</c> (ACCS).</summary>
    public string? ImsClientId { get; set; }

    /// <summary>Adobe IMS organisation id, sent as <c>x-gw-ims-org-id</c> (ACCS).</summary>
    public string? ImsOrgId { get; set; }

    /// <summary>Default <c>https://ims-na1.adobelogin.com/ims/token/v3</c>.</summary>
    public Uri ImsTokenUrl { get; set; } = new("https://ims-na1.adobelogin.com/ims/token/v3");

    /// <summary>Scopes asked of IMS; the default is what ACCS server-to-server credentials use.</summary>
    public string ImsScopes { get; set; } = "openid,AdobeID,email,profile,additional_info.roles,additional_info.projectedProductContext,commerce.accs";

    /// <summary>Default <see cref="AdobeCommerceWebhookScheme.CommerceRsa"/>, the Commerce webhooks module.</summary>
    public AdobeCommerceWebhookScheme WebhookScheme { get; set; } = AdobeCommerceWebhookScheme.CommerceRsa;

    /// <summary>Signature header for the HMAC and Commerce RSA schemes. Default <c>x-adobe-commerce-webhook-signature</c>.</summary>
    public string WebhookSignatureHeader { get; set; } = AdobeWebhookHeaders.CommerceSignature;

    /// <summary>How the HMAC digest is written. Default base64.</summary>
    public WebhookDigestEncoding WebhookHmacEncoding { get; set; } = WebhookDigestEncoding.Base64;

    /// <summary>Commerce webhooks PEM public key; when empty, read from the secret store.</summary>
    public string? WebhookPublicKeyPem { get; set; }

    /// <summary>Adobe I/O Events public key 1 (PEM); when empty, read from the secret store.</summary>
    public string? IoEventsPublicKey1Pem { get; set; }

    /// <summary>Adobe I/O Events public key 2 (PEM); when empty, read from the secret store.</summary>
    public string? IoEventsPublicKey2Pem { get; set; }

    /// <summary>The I/O Events <c>recipient_client_id</c> deliveries must carry (our project's client id); empty skips the check.</summary>
    public string? RecipientClientId { get; set; }

    /// <summary>Largest webhook body accepted. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int WebhookMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Dotted path in the order JSON holding the buyer's purchase order number. Default <c>payment.po_number</c>.</summary>
    public string PurchaseOrderNumberField { get; set; } = "payment.po_number";

    /// <summary>Absolute difference allowed between the invoice and the X3 purchase order totals (excluding tax). Default 0.01.</summary>
    [Range(0, double.MaxValue)]
    public decimal AmountTolerance { get; set; } = 0.01m;

    /// <summary>Difference allowed as a percentage of the purchase order total; the larger allowance wins. Default 0.</summary>
    [Range(0, 100)]
    public decimal AmountTolerancePercent { get; set; }

    /// <summary>GL account for a product without a <c>product-glaccount</c> mapping; empty rejects such lines.</summary>
    public string? DefaultGlAccount { get; set; }

    /// <summary>Whether Commerce emails the customer when a shipment is created. Default false.</summary>
    public bool NotifyCustomerOnShipment { get; set; }

    /// <summary>Records per page in searches. Default 100 (Commerce caps input lists at 300 when limits are on).</summary>
    [Range(1, 300)]
    public int PageSize { get; set; } = 100;
}
