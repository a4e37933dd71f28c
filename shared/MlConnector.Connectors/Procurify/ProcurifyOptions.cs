using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// How to reach one Procurify tenant. In production only <see cref="Domain"/> and <see cref="ClientId"/> are set
/// (the client secret lives in the secret store under <see cref="ProcurifySecretNames.ClientSecret"/>).
/// </summary>
[ConfigurationSection(SectionName)]
public sealed partial class ProcurifyOptions : IValidatableObject
{
    public const string SectionName = "Procurify";

    /// <summary>The tenant sub-domain: <c>acme</c> for <c>https://acme.procurify.com</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>Overrides the address built from <see cref="Domain"/> (a simulator or a proxy). Empty in production.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The API client id from Procurify Settings › Integrations › API.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth audience Procurify expects in the token request. Default <c>https://api.procurify.com/</c>.</summary>
    [Required]
    public string Audience { get; set; } = "https://api.procurify.com/";

    /// <summary>Records per page. Procurify warns that very large requests can time out, so the default is 50.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// Rows per page when the purchase-order stream reads the order list and the order items in bulk. Each page is a
    /// call and these pages are most of the flow's calls to Procurify, so the default is 100, the largest page
    /// Procurify is known to serve (rows of both lists are small).
    /// </summary>
    [Range(1, 100)]
    public int PurchaseOrderPageSize { get; set; } = 100;

    /// <summary>The purchase-order list role segment: <c>purchased</c> (default) or <c>receivable</c>.</summary>
    public string PurchaseOrderRole { get; set; } = "purchased";

    /// <summary>The purchase-order list status segment; <c>all</c> (default) so cancellations reach X3 too.</summary>
    public string PurchaseOrderStatus { get; set; } = "all";

    private static readonly string[] Roles = ["purchased", "receivable"];
    private static readonly string[] Statuses = ["all", "open", "partial", "closed", "cancelled", "paid"];

    /// <summary>The tenant root, always ending in a slash.</summary>
    public Uri ResolveBaseAddress()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl))
        {
            return new Uri(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        }

        if (string.IsNullOrWhiteSpace(Domain))
        {
            throw new InvalidOperationException($"Set {SectionName}__Domain (the part before .procurify.com).");
        }

        return new Uri($"https://{Domain.Trim().ToLowerInvariant()}.procurify.com/", UriKind.Absolute);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl))
        {
            if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"{SectionName}__BaseUrl '{BaseUrl}' is not an http(s) address.", [nameof(BaseUrl)]);
            }
        }
        else if (string.IsNullOrWhiteSpace(Domain))
        {
            yield return new ValidationResult($"Set {SectionName}__Domain, e.g. 'acme' for https://acme.procurify.com.", [nameof(Domain)]);
        }
        else if (!DomainPattern().IsMatch(Domain.Trim()))
        {
            yield return new ValidationResult(
                $"{SectionName}__Domain '{Domain}' must be only the tenant name (letters, digits, dashes), not a URL.", [nameof(Domain)]);
        }

        if (!Roles.Contains(PurchaseOrderRole, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{SectionName}__PurchaseOrderRole must be one of: {string.Join(", ", Roles)}.", [nameof(PurchaseOrderRole)]);
        }

        if (!Statuses.Contains(PurchaseOrderStatus, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{SectionName}__PurchaseOrderStatus must be one of: {string.Join(", ", Statuses)}.", [nameof(PurchaseOrderStatus)]);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex DomainPattern();
}
