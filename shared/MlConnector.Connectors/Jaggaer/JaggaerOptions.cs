using System.ComponentModel.DataAnnotations;
using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// How to reach one JAGGAER One Platform (J1P) instance. The host is customer-specific; the client secret lives in
/// the secret store under <see cref="JaggaerSecretNames.ClientSecret"/>.
/// </summary>
[ConfigurationSection(SectionName)]
public sealed class JaggaerOptions : IValidatableObject
{
    public const string SectionName = "Jaggaer";

    /// <summary>The instance root, e.g. <c>https://acme.jaggaer.com</c> (JAGGAER gives each customer its own host).</summary>
    [Required]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The integration client id registered in the instance's Keycloak realm.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The Keycloak realm of J1P integrations. Default <c>J1p-integrations</c>.</summary>
    [Required]
    public string Realm { get; set; } = "J1p-integrations";

    /// <summary>Supplier company profiles (JAGGAER Advanced <c>ja</c> module). Default <c>j1p/api/public/ja/v1/companyprofiles</c>.</summary>
    [Required]
    public string SupplierPath { get; set; } = "j1p/api/public/ja/v1/companyprofiles";

    /// <summary>
    /// Purchase orders. JAGGAER publishes no public PO endpoint: the default <c>j1p/api/public/ji/v1/purchaseorders</c>
    /// is inferred and set per customer to the resource their instance exposes.
    /// </summary>
    [Required]
    public string PurchaseOrderPath { get; set; } = "j1p/api/public/ji/v1/purchaseorders";

    /// <summary>FIQL filter every supplier read carries, joined with the change filter. Default <c>TYPE==SELLER</c>.</summary>
    public string SupplierFilter { get; set; } = "TYPE==SELLER";

    /// <summary>
    /// The components (<c>comp</c>, joined by <c>;</c>) every supplier read asks for. Default <c>USER</c>, the component the
    /// Crown-Commercial-Service client asks for on its company-profile reads; empty sends none.
    /// </summary>
    public string SupplierComponents { get; set; } = "USER";

    /// <summary>The instance root, always ending in a slash.</summary>
    public Uri ResolveBaseAddress()
    {
        if (string.IsNullOrWhiteSpace(BaseUrl))
        {
            throw new InvalidOperationException($"Set {SectionName}__BaseUrl to your JAGGAER instance, e.g. https://acme.jaggaer.com.");
        }

        return new Uri(BaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
    }

    /// <summary><c>{host}/auth/realms/{realm}/protocol/openid-connect/token</c>.</summary>
    public Uri ResolveTokenAddress() =>
        new(ResolveBaseAddress(), $"auth/realms/{Uri.EscapeDataString(Realm)}/protocol/openid-connect/token");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{SectionName}__BaseUrl '{BaseUrl}' is not an http(s) address such as https://acme.jaggaer.com.", [nameof(BaseUrl)]);
        }

        foreach (var (name, path) in new[] { (nameof(SupplierPath), SupplierPath), (nameof(PurchaseOrderPath), PurchaseOrderPath) })
        {
            if (path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{SectionName}__{name} must be a path relative to the host, without a leading slash or a query.", [name]);
            }
        }
    }
}
