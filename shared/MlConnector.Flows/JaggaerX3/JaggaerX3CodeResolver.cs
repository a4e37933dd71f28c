using MlConnector.Core.Mapping;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>
/// Turns JAGGAER references into X3 codes through the customer's mapping tables and checks each against X3's
/// reference data. A failure comes back as a sentence that names the JAGGAER record and the fix.
/// </summary>
internal sealed class JaggaerX3CodeResolver(IMappingTables mappings, IReferenceData reference, JaggaerX3Options options)
{
    public async ValueTask<Resolution> SupplierAsync(JaggaerSupplierRef? supplier, string orderLabel, CancellationToken cancellationToken)
    {
        if (supplier is null)
        {
            return Resolution.Failed($"{orderLabel} names no JAGGAER supplier");
        }

        var who = $"Supplier '{supplier.Name}' (JAGGAER supplier {supplier.Id})";
        var code = await JaggaerSupplierCodes.ResolveAsync(mappings, supplier.Id, supplier.Number, options, cancellationToken);
        if (code.Problem is { } problem)
        {
            return Resolution.Failed($"{who}: {problem}");
        }

        // Suppliers sync first; one created since the last sync is found on the retry.
        return await reference.ExistsAsync(ReferenceKind.Supplier, code.Code, cancellationToken)
            ? Resolution.Found(code.Code)
            : Resolution.Failed($"{who} is not in {reference.Scope} as {code.Code} (from {code.Origin}): the {JaggaerX3Flows.SuppliersName} flow creates it, " +
                                $"or map it in {MappingTableNames.VendorToSupplier}; retried on the next sync");
    }

    public async ValueTask<Resolution> GlAccountAsync(IReadOnlyList<string> accounts, int lineNumber, string orderLabel, CancellationToken cancellationToken)
    {
        var where = $"line {lineNumber} of {orderLabel}";
        if (accounts.Count == 0)
        {
            return Resolution.Failed($"{Capitalised(where)} has no '{options.GlAccountSegment}' accounting segment: set the GL account in JAGGAER");
        }

        if (accounts.Count > 1)
        {
            return Resolution.Failed($"{Capitalised(where)} is split across GL accounts {string.Join(", ", accounts)}: X3 takes one GL account per line; split the line in JAGGAER");
        }

        // Without a mapping row the JAGGAER account is taken as the X3 account itself, then checked.
        var account = accounts[0];
        var mapped = await mappings.LookupAsync(MappingTableNames.CostCodeToGlAccount, account, cancellationToken);
        var glAccount = string.IsNullOrEmpty(mapped) ? account : mapped;
        if (await reference.ExistsAsync(ReferenceKind.GlAccount, glAccount, cancellationToken))
        {
            return Resolution.Found(glAccount);
        }

        var fix = string.IsNullOrEmpty(mapped)
            ? $"create it in X3 or map JAGGAER account {account} in {MappingTableNames.CostCodeToGlAccount}"
            : $"fix its {MappingTableNames.CostCodeToGlAccount} mapping";
        return Resolution.Failed($"GL account {glAccount} (JAGGAER account {account} on {where}) does not exist in {reference.Scope}: {fix}");
    }

    public async ValueTask<Resolution> CostCentreAsync(IReadOnlyList<string> costCentres, int lineNumber, string orderLabel, CancellationToken cancellationToken)
    {
        var where = $"line {lineNumber} of {orderLabel}";
        if (costCentres.Count == 0)
        {
            return options.RequireCostCentre
                ? Resolution.Failed($"{Capitalised(where)} has no '{options.CostCentreSegment}' accounting segment: set the cost centre in JAGGAER")
                : Resolution.Found(null);
        }

        if (costCentres.Count > 1)
        {
            return Resolution.Failed($"{Capitalised(where)} is split across cost centres {string.Join(", ", costCentres)}: X3 takes one cost centre per line; split the line in JAGGAER");
        }

        var costCentre = costCentres[0];
        var mapped = await mappings.LookupAsync(MappingTableNames.DepartmentToCostCentre, costCentre, cancellationToken);
        var candidate = string.IsNullOrEmpty(mapped) ? costCentre : mapped;
        return await reference.ExistsAsync(ReferenceKind.CostCentre, candidate, cancellationToken)
            ? Resolution.Found(candidate)
            : Resolution.Failed($"Cost centre {candidate} (JAGGAER cost centre {costCentre} on {where}) does not exist in {reference.Scope}: " +
                                $"create it in X3 or map it in {MappingTableNames.DepartmentToCostCentre}");
    }

    public async ValueTask<Resolution> ItemAsync(JaggaerOrderLine line, string orderLabel, CancellationToken cancellationToken)
    {
        if (line.CatalogNumber is { } catalogNumber)
        {
            var mapped = await mappings.LookupAsync(MappingTableNames.ItemNumber, catalogNumber, cancellationToken);
            return Resolution.Found(string.IsNullOrEmpty(mapped) ? catalogNumber : mapped);
        }

        return options.NonCatalogueItemCode is { Length: > 0 } generic
            ? Resolution.Found(generic)
            : Resolution.Failed($"Line {line.LineNumber} of {orderLabel} ('{line.Description}') has no catalog number: " +
                                $"add one in JAGGAER or set {JaggaerX3Options.SectionName}__{nameof(JaggaerX3Options.NonCatalogueItemCode)}");
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    internal readonly record struct Resolution(string? Code, string? Problem)
    {
        public static Resolution Found(string? code) => new(code, null);

        public static Resolution Failed(string problem) => new(null, problem);
    }
}
