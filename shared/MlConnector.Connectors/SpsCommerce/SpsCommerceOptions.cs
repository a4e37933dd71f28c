using System.ComponentModel.DataAnnotations;
using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>
/// How to reach one SPS Commerce supplier account: Auth0 client credentials (a Machine-to-Machine app) and the
/// Transaction API v5 file folders. The client secret lives in the secret store under <see cref="SpsCommerceSecretNames.ClientSecret"/>.
/// </summary>
[ConfigurationSection(SectionName)]
public sealed class SpsCommerceOptions : IValidatableObject
{
    public const string SectionName = "SpsCommerce";

    /// <summary>The API host. Default <c>https://api.spscommerce.com</c>.</summary>
    [Required]
    public string ApiUrl { get; set; } = "https://api.spscommerce.com";

    /// <summary>The Auth0 token endpoint. Default <c>https://auth.spscommerce.com/oauth/token</c>.</summary>
    [Required]
    public string TokenUrl { get; set; } = "https://auth.spscommerce.com/oauth/token";

    /// <summary>The Machine-to-Machine app's client id.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Token audience. Default <c>https://spscommerce.com</c> (the legacy <c>api://api.spscommerce.com/</c> was retired on 2026-07-01).</summary>
    [Required]
    public string Audience { get; set; } = "https://spscommerce.com";

    /// <summary>Folder SPS drops trading partners' purchase orders (850) in. Default <c>out/PO/</c> (use <c>testout/PO/</c> while testing).</summary>
    [Required]
    public string OrdersFolder { get; set; } = "out/PO/";

    /// <summary>Folder documents for SPS are uploaded to. Default <c>in/</c> (<c>testin/</c> while testing).</summary>
    [Required]
    public string UploadFolder { get; set; } = "in/";

    /// <summary>Entries asked per listing page (<c>limit</c>, 1-1000). Default 100.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    public Uri ResolveApiAddress() => Absolute(ApiUrl, nameof(ApiUrl), "https://api.spscommerce.com");

    public Uri ResolveTokenAddress() => new(Absolute(TokenUrl, nameof(TokenUrl), "https://auth.spscommerce.com/oauth/token").ToString().TrimEnd('/'));

    /// <summary><c>{api}/transactions/v5/data/{path}</c>, each segment escaped.</summary>
    public Uri DataAddress(string path) =>
        new(ResolveApiAddress(), "transactions/v5/data/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(ApiUrl), ApiUrl), (nameof(TokenUrl), TokenUrl) })
        {
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"{SectionName}__{name} '{value}' is not an http(s) address.", [name]);
            }
        }

        foreach (var (name, folder) in new[] { (nameof(OrdersFolder), OrdersFolder), (nameof(UploadFolder), UploadFolder) })
        {
            if (string.IsNullOrEmpty(folder) || folder.StartsWith('/') || !folder.EndsWith('/'))
            {
                yield return new ValidationResult($"{SectionName}__{name} must be a folder such as 'out/PO/': no leading slash, ending in one (folder names are case-sensitive).", [name]);
            }
        }
    }

    private static Uri Absolute(string value, string name, string example)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"Set {SectionName}__{name} to an absolute address, e.g. {example}.");
        }

        return new Uri(uri.ToString().TrimEnd('/') + "/");
    }
}
