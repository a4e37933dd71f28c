using MlConnector.Connectors.Stedi;
using MlConnector.Core.Mapping;
using MlConnector.Pipeline.Mapping;

namespace MlConnector.OperatorConsole.Mappings;

/// <summary>
/// Checks mapping rows against X3 before they are saved: a row whose X3 code does not exist would only turn one
/// reject into another. Each table's target is a kind of X3 record; <c>trading-partner</c> maps an SPS partner to an X3
/// customer, or an X3 supplier or customer to a Stedi partnership (not an X3 record, so only its source is checked).
/// </summary>
public sealed class MappingValidator(IServiceProvider services)
{
    /// <summary>Every table a flow reads, with the X3 record kind its target names (null: not an X3 code).</summary>
    public static readonly IReadOnlyDictionary<string, ReferenceKind?> Tables = new Dictionary<string, ReferenceKind?>(StringComparer.Ordinal)
    {
        [MappingTableNames.VendorToSupplier] = ReferenceKind.Supplier,
        [MappingTableNames.CostCodeToGlAccount] = ReferenceKind.GlAccount,
        [MappingTableNames.DepartmentToCostCentre] = ReferenceKind.CostCentre,
        [MappingTableNames.ItemNumber] = ReferenceKind.Product,
        [MappingTableNames.ProductToGlAccount] = ReferenceKind.GlAccount,
        [MappingTableNames.TradingPartner] = ReferenceKind.Customer,
        [StediNames.TransactionSettingTable] = null,
    };

    /// <summary>The problems with each row (empty when every row may be saved), in row order.</summary>
    public async Task<IReadOnlyList<MappingProblem>> ValidateAsync(IReadOnlyList<MappingEntry> entries, CancellationToken cancellationToken)
    {
        var reference = services.GetService(typeof(IReferenceData)) as IReferenceData;
        var problems = new List<MappingProblem>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!Tables.TryGetValue(entry.Table, out var kind))
            {
                problems.Add(new MappingProblem(i + 1, entry, $"'{entry.Table}' is not a mapping table any flow reads; the tables are {string.Join(", ", Tables.Keys)}."));
                continue;
            }

            if (kind is not { } targetKind)
            {
                continue;
            }

            if (reference is null)
            {
                problems.Add(new MappingProblem(i + 1, entry, "Sage X3 is not configured here, so the X3 code cannot be checked."));
                continue;
            }

            if (await reference.ExistsAsync(targetKind, entry.Target, cancellationToken))
            {
                continue;
            }

            // A Stedi partnership row: its source is the X3 party and its target Stedi's id.
            if (entry.Table == MappingTableNames.TradingPartner &&
                (await reference.ExistsAsync(ReferenceKind.Supplier, entry.Source, cancellationToken) || await reference.ExistsAsync(ReferenceKind.Customer, entry.Source, cancellationToken)))
            {
                continue;
            }

            problems.Add(new MappingProblem(i + 1, entry, $"{Describe(targetKind)} {entry.Target} does not exist in {reference.Scope}: create it in X3 first, or correct the code."));
        }

        return problems;
    }

    private static string Describe(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Supplier => "X3 supplier",
        ReferenceKind.GlAccount => "X3 GL account",
        ReferenceKind.CostCentre => "X3 cost centre",
        ReferenceKind.Product => "X3 product",
        ReferenceKind.Customer => "X3 customer",
        _ => $"X3 {kind}",
    };
}

/// <param name="Line">The row's position in what was submitted (1 = first row).</param>
public sealed record MappingProblem(int Line, MappingEntry Entry, string Problem);
