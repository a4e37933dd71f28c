using System.Text.Json;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Field names of a JAGGAER Advanced company profile (<c>ja/v1/companyprofiles</c>), as public J1P clients read them. Each
/// row of <c>returnCompanyData</c> nests the profile under <c>returnCompanyInfo</c> (Crown-Commercial-Service/
/// ccs-scale-cat-service, model/jaggaer/ReturnCompanyData.java and CompanyInfo.java) or <c>companyMaster</c>
/// (abdelalihassouna/supplier-platform, lib/jaggaer-client.ts, which also reads status, currency, euVat, fiscalCode and
/// lastModTime there). Company profiles stamp changes as <c>yyyyMMddHHmmss</c> and filter on the upper-case <c>LASTMODTIME</c>.
/// </summary>
public static class JaggaerSupplierFields
{
    /// <summary>The envelope key holding the profiles.</summary>
    public const string ListKey = "returnCompanyData";

    /// <summary>The keys a row nests the profile under, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> ProfileKeys = ["returnCompanyInfo", "companyMaster"];

    /// <summary>JAGGAER's own supplier id, stable for the life of the profile.</summary>
    public const string Id = "bravoId";

    public const string Name = "companyName";

    /// <summary>The buyer's ERP code for the supplier, maintained in JAGGAER; becomes the X3 code when set.</summary>
    public const string ErpCode = "extCode";

    public const string Type = "type";
    public const string Status = "status";
    public const string Currency = "currency";
    public const string VatNumber = "euVat";
    public const string FiscalCode = "fiscalCode";
    public const string Email = "bizEmail";
    public const string Address = "address";
    public const string City = "city";
    public const string Province = "province";
    public const string PostalCode = "zip";
    public const string Country = "isoCountry";
    public const string LastModified = "lastModTime";

    /// <summary>The field the change filter names (<c>LASTMODTIME&gt;=...</c>) and the format of its value.</summary>
    public const string ChangeFilterField = "LASTMODTIME";
    public const string ChangeFilterFormat = "yyyyMMddHHmmss";

    /// <summary>Profiles of this <see cref="Type"/> are suppliers; <c>BUYER</c> profiles are the customer's own users.</summary>
    public const string SellerType = "SELLER";

    /// <summary>The profile a row nests (<c>returnCompanyInfo</c> or <c>companyMaster</c>); null when the row has neither.</summary>
    public static JsonElement? ProfileOf(JsonElement row) =>
        ProfileKeys.Select(key => row.Property(key)).FirstOrDefault(profile => profile is { ValueKind: JsonValueKind.Object });
}
