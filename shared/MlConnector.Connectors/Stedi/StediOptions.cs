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
    /// <c>T</c>, <c>P</c> or <c>I</c>: ISA15 of the interchanges we generate, sent as generate-edi's
    /// <c>overrides.interchangeUsageIndicator</c>. Empty (default) sends no override, and Stedi then writes its own
    /// default, <c>P</c> (production data; Stedi's OpenAPI, X12UsageIndicator). Set <c>T</c> while testing with a partner.
    /// </summary>
    public string InterchangeUsageIndicator { get; set; } = string.Empty;

    /// <summary>
    /// The X12 release whose Guide JSON names outbound documents use when no guide is imported for the partnership and
    /// set (<c>mlc stedi guide import</c>): <c>004010</c> (default) or <c>005010</c>.
    /// </summary>
    public string X12Release { get; set; } = GuideJson.ReleaseGuide.Release4010;

    /// <summary>
    /// False (default): a value containing one of the interchange's delimiters (<c>* &gt; ~ ^</c>) rejects the record
    /// naming the field. True: it is sent, and generate-edi is asked to replace the character
    /// (<c>repairOptions.replaceStediCanonicalDelimitersConflicts</c>).
    /// </summary>
    public bool RepairDelimiterConflicts { get; set; }

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

    /// <summary>
    /// Stedi's rule for a transaction setting id (OpenAPI TransactionGroup.transactionSettingId: letters, digits, <c>_</c>
    /// and <c>-</c>, at most 50), e.g. <c>01HGH4N7D8VGCXGVD97JTNKK1N</c>. Null when valid, else why not.
    /// </summary>
    public static string? TransactionSettingIdProblem(string? id) =>
        string.IsNullOrEmpty(id) ? "it is empty"
        : id.Length > 50 ? $"'{id}' is longer than the 50 characters Stedi allows"
        : id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? null
        : $"'{id}' has characters Stedi does not allow in a transaction setting id (only letters, digits, _ and -)";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{SectionName}__BaseUrl '{BaseUrl}' is not an http(s) address such as https://core.us.stedi.com/2023-08-01.", [nameof(BaseUrl)]);
        }

        if (InterchangeUsageIndicator is not ("" or "T" or "P" or "I"))
        {
            yield return new ValidationResult($"{SectionName}__InterchangeUsageIndicator must be T, P, I or empty (Stedi then writes P).", [nameof(InterchangeUsageIndicator)]);
        }

        if (!GuideJson.ReleaseGuide.Releases.Contains(X12Release))
        {
            yield return new ValidationResult($"{SectionName}__X12Release must be {string.Join(" or ", GuideJson.ReleaseGuide.Releases)}; for another release, import the guide's JSON schema (mlc stedi guide import).", [nameof(X12Release)]);
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
