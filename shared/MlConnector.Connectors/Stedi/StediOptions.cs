using System.ComponentModel.DataAnnotations;
using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.Stedi;

/// <summary>
/// How to reach one Stedi account (EDI platform, Core API) and how its webhook deliveries authenticate. The API key
/// lives in the secret store under <see cref="StediSecretNames.ApiKey"/>; the webhook credential under
/// <see cref="StediSecretNames.WebhookCredential"/>.
/// </summary>
[ConfigurationSection(SectionName)]
public sealed class StediOptions : IValidatableObject
{
    public const string SectionName = "Stedi";

    /// <summary>The Core API root including its version. Default <c>https://core.us.stedi.com/2023-08-01</c>.</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://core.us.stedi.com/2023-08-01";

    /// <summary>
    /// <c>T</c> or <c>P</c>: ISA15 of the interchanges we generate. Empty (default) leaves it to the key's mode and the
    /// partnership (a Test-mode key generates test interchanges).
    /// </summary>
    public string InterchangeUsageIndicator { get; set; } = string.Empty;

    /// <summary>
    /// Outbound transaction setting ids follow this pattern unless the <c>stedi-transaction-setting</c> mapping table
    /// names one for <c>{partnershipId}:{set}</c>. <c>{partnership}</c> and <c>{set}</c> are replaced. Default
    /// <c>{partnership}-{set}-out</c>; Stedi generates ids when a setting is created, so most customers map them.
    /// </summary>
    public string TransactionSettingPattern { get; set; } = "{partnership}-{set}-out";

    /// <summary>How Stedi's webhook deliveries prove they are Stedi's: <c>ApiKey</c> (default) or <c>Basic</c>.</summary>
    public StediWebhookAuthMode WebhookAuthMode { get; set; } = StediWebhookAuthMode.ApiKey;

    /// <summary>The header of the webhook's "API Key" credential set. Default <c>Authorization</c>.</summary>
    [Required]
    public string WebhookApiKeyHeader { get; set; } = "Authorization";

    /// <summary>The user of the webhook's "Basic Auth" credential set (the password is the webhook credential secret).</summary>
    public string WebhookBasicUser { get; set; } = string.Empty;

    /// <summary>Largest webhook body accepted. Default 2 MB (Stedi attaches the Guide JSON only under 1 MB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int WebhookMaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The API root, always ending in a slash.</summary>
    public Uri ResolveBaseAddress()
    {
        if (string.IsNullOrWhiteSpace(BaseUrl))
        {
            throw new InvalidOperationException($"Set {SectionName}__BaseUrl to the Stedi Core API, e.g. https://core.us.stedi.com/2023-08-01.");
        }

        return new Uri(BaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
    }

    public string TransactionSettingFor(string partnershipId, string transactionSetId) =>
        TransactionSettingPattern.Replace("{partnership}", partnershipId, StringComparison.Ordinal).Replace("{set}", transactionSetId, StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{SectionName}__BaseUrl '{BaseUrl}' is not an http(s) address such as https://core.us.stedi.com/2023-08-01.", [nameof(BaseUrl)]);
        }

        if (InterchangeUsageIndicator is not ("" or "T" or "P"))
        {
            yield return new ValidationResult($"{SectionName}__InterchangeUsageIndicator must be T, P or empty.", [nameof(InterchangeUsageIndicator)]);
        }

        if (WebhookAuthMode == StediWebhookAuthMode.Basic && string.IsNullOrWhiteSpace(WebhookBasicUser))
        {
            yield return new ValidationResult($"{SectionName}__WebhookBasicUser is required when {SectionName}__WebhookAuthMode is Basic.", [nameof(WebhookBasicUser)]);
        }
    }
}

/// <summary>The credential set a Stedi webhook destination sends (Stedi's EDI webhooks carry no signature).</summary>
public enum StediWebhookAuthMode
{
    /// <summary>A header name and value of the customer's choosing.</summary>
    ApiKey,

    /// <summary>HTTP Basic with a user and password.</summary>
    Basic,
}
