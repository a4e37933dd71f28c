using System.Diagnostics;
using System.Runtime.InteropServices;
using MlConnector.Pipeline.Hosting;
using MlConnector.Runtime;
using MlConnector.Runtime.Azurite;
using Spectre.Console;

namespace MlConnector.Cli.Bench;

/// <summary>
/// One benchmark: each scenario on a fresh in-memory Azurite (Azurite slows as its memory fills, so a shared one
/// would make later scenarios pay for earlier ones), the engine runs with their raw ceiling measured on the same
/// Azurite just before, then the procurify-x3 flow.
/// </summary>
public sealed class BenchRun(BenchSettings settings)
{
    private static readonly int[] CeilingCallers = [8, 32];
    private static readonly TimeSpan CeilingPhase = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowSinkCall = TimeSpan.FromMilliseconds(100);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        AnsiConsole.MarkupLineInterpolated($"[bold]mlc bench[/]: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        // The repository's host.json, as the local runtime and the Functions host read it.
        var hostRules = QueueRules.Load(LocalRuntime.HostJsonPath());

        // At most batchSize + newBatchThreshold messages run at once per queue (as in the Functions host), and a new
        // batch is fetched once newBatchThreshold or fewer are left: 8 + 8 keeps 8 to 16 writes in flight, where
        // 16 + 0 would cap at 16 too but let the sink drain to zero before every batch.
        var slowRules = hostRules with { BatchSize = 8, NewBatchThreshold = 8 };
        if (settings.Engine)
        {
            await RunEngineScenariosAsync(hostRules, slowRules, cancellationToken);
        }

        if (settings.PurchaseOrders > 0)
        {
            await using var azurite = await StartAzuriteAsync(cancellationToken);
            var procurify = await Step(
                $"Running procurify-x3 on {settings.PurchaseOrders:N0} purchase orders through the Procurify and Sage X3 simulators",
                () => new ProcurifyScenario(azurite.ConnectionString, settings.PurchaseOrders).RunAsync(cancellationToken));
            ProcurifyReport.Print(procurify);
        }

        BenchNotes.Print(hostRules, slowRules);
        AnsiConsole.MarkupLineInterpolated($"Benchmark finished in {BenchFormat.Seconds(total.Elapsed)}.");
        return 0;
    }

    private async Task RunEngineScenariosAsync(QueueRules hostRules, QueueRules slowRules, CancellationToken cancellationToken)
    {
        var instantRuns = new List<EngineResult>();
        foreach (var size in settings.InstantSinkSizes)
        {
            var (run, ceiling) = await RunEngineAsync(new EngineScenarioSettings("instant sink", size, TimeSpan.Zero, hostRules), cancellationToken);
            instantRuns.Add(run);
            EngineReport.Print(run, ceiling, BenchTargets.InstantSinkRecordsPerSecond, judgeCeilingShare: true);
        }

        var (slow, slowCeiling) = await RunEngineAsync(new EngineScenarioSettings("100 ms sink, write concurrency 16", settings.Records, SlowSinkCall, slowRules), cancellationToken);
        EngineReport.Print(slow, slowCeiling, BenchTargets.SlowSinkRecordsPerSecond, judgeCeilingShare: false);

        if (settings.MemorySweep)
        {
            MemorySweepReport.Print(instantRuns);
        }
    }

    private static async Task<(EngineResult Result, StorageCeiling Ceiling)> RunEngineAsync(EngineScenarioSettings scenario, CancellationToken cancellationToken)
    {
        AnsiConsole.WriteLine();
        await using var azurite = await StartAzuriteAsync(cancellationToken);
        var ceiling = await Step(
            $"Measuring its raw ceiling: {CeilingPhase.TotalSeconds:0} s of queue sends and of table upserts with {string.Join(" and ", CeilingCallers)} callers",
            () => new StorageCeilingProbe(azurite.ConnectionString, CeilingCallers, CeilingPhase).MeasureAsync(cancellationToken));
        CeilingReport.Print(ceiling, CeilingPhase);
        var result = await Step(
            $"Engine, {scenario.Label}: {scenario.Records:N0} records ({EngineReport.Rules(scenario.QueueRules)})",
            () => new EngineScenario(azurite.ConnectionString, scenario).RunAsync(cancellationToken));
        return (result, ceiling);
    }

    private static Task<AzuriteProcess> StartAzuriteAsync(CancellationToken cancellationToken) =>
        Step("Starting a fresh Azurite (in memory)", () => AzuriteProcess.StartAsync(dataDirectory: null, cancellationToken));

    private static async Task<T> Step<T>(string description, Func<Task<T>> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {description}");
        return await action();
    }
}
