using MlConnector.Connectors.Jaggaer;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>
/// A JAGGAER supplier company profile (the profile a <c>returnCompanyData</c> row nests) to an X3 supplier (BPSUPPLIER),
/// coded by <see cref="JaggaerSupplierCodes"/>. Rows without a profile or its id, buyer profiles and profiles without a name
/// are rejected with the reason.
/// </summary>
public sealed class JaggaerSupplierMapper(IMappingTables mappings, JaggaerX3Options options) : IRecordMapper
{
    public const string DocumentKind = "x3-supplier";

    private static readonly string[] InactiveStatuses = ["INACTIVE", "DISABLED", "BLOCKED", "DELETED"];

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        if (JaggaerSupplierFields.ProfileOf(record.Payload) is not { } profile)
        {
            return MapResult.Rejected(
                $"JAGGAER supplier row {record.Key} has no profile ({string.Join(" or ", JaggaerSupplierFields.ProfileKeys)}): it carries {Keys(record.Payload)}");
        }

        if (profile.Text(JaggaerSupplierFields.Id) is not { } id)
        {
            return MapResult.Rejected($"JAGGAER supplier row {record.Key} ('{profile.Text(JaggaerSupplierFields.Name) ?? "no name"}') has no {JaggaerSupplierFields.Id}: X3 cannot be kept in step with a profile JAGGAER does not identify");
        }

        var name = profile.Text(JaggaerSupplierFields.Name);
        if (name is null)
        {
            return MapResult.Rejected($"JAGGAER supplier {id} has no company name: set it in JAGGAER");
        }

        if (profile.Text(JaggaerSupplierFields.Type) is { } type && !string.Equals(type, JaggaerSupplierFields.SellerType, StringComparison.OrdinalIgnoreCase))
        {
            return MapResult.Rejected($"JAGGAER profile {id} ('{name}') is a {type} profile, not a supplier: only {JaggaerSupplierFields.SellerType} profiles become X3 suppliers");
        }

        var code = await JaggaerSupplierCodes.ResolveAsync(mappings, id, profile.Text(JaggaerSupplierFields.ErpCode), options, cancellationToken);
        if (code.Problem is { } problem)
        {
            return MapResult.Rejected($"Supplier '{name}' (JAGGAER supplier {id}): {problem}");
        }

        var supplier = new Supplier
        {
            SourceId = id,
            Code = code.Code,
            Name = name,
            Currency = profile.Text(JaggaerSupplierFields.Currency),
            TaxNumber = profile.Text(JaggaerSupplierFields.VatNumber) ?? profile.Text(JaggaerSupplierFields.FiscalCode),
            Email = profile.Text(JaggaerSupplierFields.Email),
            Address = new PostalAddress(
                profile.Text(JaggaerSupplierFields.Address) is { } street ? [street] : [],
                profile.Text(JaggaerSupplierFields.City),
                profile.Text(JaggaerSupplierFields.Province),
                profile.Text(JaggaerSupplierFields.PostalCode),
                profile.Text(JaggaerSupplierFields.Country)),
            Active = !InactiveStatuses.Contains(profile.Text(JaggaerSupplierFields.Status) ?? string.Empty, StringComparer.OrdinalIgnoreCase),
        };
        var summary = $"Supplier '{name}' (JAGGAER {id}) as X3 supplier {code.Code}{(supplier.Active ? string.Empty : " (inactive)")}";
        return MapResult.Mapped(new TargetDocument(DocumentKind, id, summary, CanonicalJson.ToElement(supplier)));
    }

    private static string Keys(System.Text.Json.JsonElement row) =>
        row.ValueKind == System.Text.Json.JsonValueKind.Object && row.EnumerateObject().Any()
            ? string.Join(", ", row.EnumerateObject().Select(property => property.Name))
            : "no fields";
}
