using MlConnector.Core.Mapping;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// Turns Procurify references into X3 codes through the customer's mapping tables, and checks each code against
/// X3's reference data. A failure comes back as a sentence that names the Procurify record and the fix.
/// </summary>
internal sealed class X3CodeResolver(IMappingTables mappings, IReferenceData reference, ProcurifyX3Options options)
{
    public async ValueTask<Resolution> SupplierAsync(ProcurifyVendorRef? vendor, string orderLabel, CancellationToken cancellationToken)
    {
        if (vendor is null || vendor.Id.Length == 0)
        {
            return Resolution.Failed($"{orderLabel} has no Procurify vendor: choose a preferred vendor in Procurify");
        }

        var who = $"Vendor {vendor.Describe()}";
        if (await mappings.LookupAsync(MappingTableNames.VendorToSupplier, vendor.Id, cancellationToken) is { Length: > 0 } mapped)
        {
            return await reference.ExistsAsync(ReferenceKind.Supplier, mapped, cancellationToken)
                ? Resolution.Found(mapped)
                : Resolution.Failed($"{who} maps to X3 supplier {mapped}, which does not exist in {reference.Scope}: fix the {MappingTableNames.VendorToSupplier} mapping");
        }

        if (options.MatchVendorExternalId && vendor.ExternalId is { Length: > 0 } externalId)
        {
            return await reference.ExistsAsync(ReferenceKind.Supplier, externalId, cancellationToken)
                ? Resolution.Found(externalId)
                : Resolution.Failed($"{who} has no X3 supplier: its external_id '{externalId}' is not a supplier in {reference.Scope}; add it to the vendor mapping");
        }

        return Resolution.Failed($"{who} has no X3 supplier: add it to the vendor mapping");
    }

    public async ValueTask<Resolution> GlAccountAsync(string? accountCode, int lineNumber, string orderLabel, CancellationToken cancellationToken)
    {
        if (accountCode is null)
        {
            return Resolution.Failed($"Line {lineNumber} of {orderLabel} has no Procurify account code: set one in Procurify");
        }

        // Without a mapping row the account code is taken as the X3 account itself, then checked.
        var mapped = await mappings.LookupAsync(MappingTableNames.CostCodeToGlAccount, accountCode, cancellationToken);
        var glAccount = string.IsNullOrEmpty(mapped) ? accountCode : mapped;
        if (await reference.ExistsAsync(ReferenceKind.GlAccount, glAccount, cancellationToken))
        {
            return Resolution.Found(glAccount);
        }

        var fix = string.IsNullOrEmpty(mapped) ? $"add it to the {MappingTableNames.CostCodeToGlAccount} mapping" : $"fix its {MappingTableNames.CostCodeToGlAccount} mapping";
        return Resolution.Failed($"GL account {glAccount} (Procurify account code {accountCode} on line {lineNumber}) does not exist in {reference.Scope}: {fix}");
    }

    public async ValueTask<Resolution> CostCentreAsync(ProcurifyAccountRef? account, int lineNumber, string orderLabel, CancellationToken cancellationToken)
    {
        if (account is { Found: false })
        {
            return Resolution.Failed(
                $"Line {lineNumber} of {orderLabel} is charged to Procurify account {account.Id}, which Procurify did not return: its department (the X3 cost centre) is unknown; check the account in Procurify");
        }

        if (account?.Department is not { } department)
        {
            return options.RequireCostCentre
                ? Resolution.Failed(
                    $"Line {lineNumber} of {orderLabel} has no Procurify department{(account?.Id is { } id ? $" (account {id})" : string.Empty)}, so no X3 cost centre: " +
                    $"charge it to a department's account in Procurify, or set {ProcurifyX3Options.SectionName}__{nameof(ProcurifyX3Options.RequireCostCentre)}=false")
                : Resolution.Found(null);
        }

        var who = $"Department '{department.Name}' (Procurify department {department.Id} on line {lineNumber})";
        var mapped = await mappings.LookupAsync(MappingTableNames.DepartmentToCostCentre, department.Id, cancellationToken);
        var candidate = string.IsNullOrEmpty(mapped) ? department.ExternalId : mapped;
        if (!string.IsNullOrEmpty(candidate) && await reference.ExistsAsync(ReferenceKind.CostCentre, candidate, cancellationToken))
        {
            return Resolution.Found(candidate);
        }

        if (!options.RequireCostCentre)
        {
            return Resolution.Found(null);
        }

        return string.IsNullOrEmpty(candidate)
            ? Resolution.Failed($"{who} has no X3 cost centre: add it to the {MappingTableNames.DepartmentToCostCentre} mapping")
            : Resolution.Failed($"{who} maps to cost centre {candidate}, which does not exist in {reference.Scope}: fix the {MappingTableNames.DepartmentToCostCentre} mapping");
    }

    public async ValueTask<Resolution> ItemAsync(ProcurifyOrderLine line, string orderLabel, CancellationToken cancellationToken)
    {
        if (line.Sku is { } sku)
        {
            var mapped = await mappings.LookupAsync(MappingTableNames.ItemNumber, sku, cancellationToken);
            return Resolution.Found(string.IsNullOrEmpty(mapped) ? sku : mapped);
        }

        return options.NonCatalogueItemCode is { Length: > 0 } generic
            ? Resolution.Found(generic)
            : Resolution.Failed($"Line {line.LineNumber} of {orderLabel} ('{line.Name}') has no SKU: add one in Procurify or set {ProcurifyX3Options.SectionName}__{nameof(ProcurifyX3Options.NonCatalogueItemCode)}");
    }

    internal readonly record struct Resolution(string? Code, string? Problem)
    {
        public static Resolution Found(string? code) => new(code, null);

        public static Resolution Failed(string problem) => new(null, problem);
    }
}
