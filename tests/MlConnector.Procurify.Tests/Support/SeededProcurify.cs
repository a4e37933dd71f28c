using MlConnector.Core;
using MlConnector.Core.Mapping;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests.Support;

/// <summary>
/// A seeded simulator with the mapping tables and X3 reference data its scenario calls for, so mapper tests run on the
/// payloads the simulator really serves.
/// </summary>
internal sealed record SeededProcurify(ProcurifyHarness Harness, SeedScenario Scenario, InMemoryMappingTables Mappings, InMemoryReferenceData X3) : IAsyncDisposable
{
    public static async Task<SeededProcurify> StartAsync(SeedRequest request)
    {
        var harness = await ProcurifyHarness.StartAsync();
        var scenario = harness.Simulator.Seed(request);
        var mappings = new InMemoryMappingTables()
            .AddAll(MappingTableNames.VendorToSupplier, scenario.VendorToSupplier)
            .AddAll(MappingTableNames.CostCodeToGlAccount, scenario.AccountCodeToGlAccount)
            .AddAll(MappingTableNames.DepartmentToCostCentre, scenario.DepartmentToCostCentre);
        var x3 = new InMemoryReferenceData()
            .Add(ReferenceKind.Supplier, scenario.X3Suppliers)
            .Add(ReferenceKind.GlAccount, scenario.X3GlAccounts)
            .Add(ReferenceKind.CostCentre, scenario.X3CostCentres);
        return new SeededProcurify(harness, scenario, mappings, x3);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
