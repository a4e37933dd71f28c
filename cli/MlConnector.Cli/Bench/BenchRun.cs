using System.Diagnostics;
using System.Runtime.InteropServices;
using MlConnector.Pipeline.Hosting;
using MlConnector.Runtime;
using MlConnector.Runtime.Azurite;
using Spectre.Console;

namespace MlConnector.Cli.Bench;

/// <summary>
/// One benchmark: each scenario on a fresh Azurite with its data in a scratch folder (Azurite slows as it fills, so
/// a shared one would make later scenarios pay for earlier ones; see <see cref="AzuriteProcess.StartScratchAsync"/>
/// for why not its in-memory mode), the engine runs with their raw ceiling measured on the same Azurite just
/// before, then the procurify-x3 flow.
/// </summary>
public sealed class BenchRun(BenchSettings settings)
{
    private static readonly int[] CeilingCallers = [8, 32];
    private static readonly TimeSpan CeilingPhase = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowSinkCall = TimeSpan.FromMilliseconds(100);
    private const int SlowSinkWriteConcurrency = 16;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        AnsiConsole.MarkupLineInterpolated($"[bold]mlc bench[/]: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        // The repository's host.json, as the local runtime and the Functions host read it.
        var hostRules = QueueRules.Load(LocalRuntime.HostJsonPath());

        if (settings.Engine)
        {
            await RunEngineScenariosAsync(hostRules, cancellationToken);
        }

        if (settings.PurchaseOrders > 0)
        {
            await using var azurite = await StartAzuriteAsync(cancellationToken);
            var procurify = await Step(
                $"Running procurify-x3 on {settings.PurchaseOrders:N0} purchase orders through the Procurify and Sage X3 simulators",
                () => new ProcurifyScenario(azurite.ConnectionString, settings.PurchaseOrders).RunAsync(cancellationToken));
            ProcurifyReport.Print(procurify);
        }

        BenchNotes.Print(hostRules, SlowSinkWriteConcurrency);
        AnsiConsole.MarkupLineInterpolated($"Benchmark finished in {BenchFormat.Seconds(total.Elapsed)}.");
        return 0;
    }

    private async Task RunEngineScenariosAsync(QueueRules hostRules, CancellationToken cancellationToken)
    {
        var instantRuns = new List<EngineResult>();
        foreach (var size in settings.InstantSinkSizes)
        {
            var (run, ceiling) = await RunEngineAsync(new EngineScenarioSettings("instant sink", size, TimeSpan.Zero, hostRules), cancellationToken);
            instantRuns.Add(run);
            EngineReport.Print(run, ceiling, BenchTargets.InstantSinkRecordsPerSecond, judgeCeilingShare: true);
        }

        // Write concurrency 16 = at most 16 sink calls at once (Pipeline__MaxConcurrentWrites). host.json's rules let
        // 16 + 8 messages in, so the ones beyond 16 do their storage work (row read, record update, delete) while
        // the sink is busy, instead of each sink slot idling through its own storage round trips.
        var (slow, slowCeiling) = await RunEngineAsync(new EngineScenarioSettings("100 ms sink, write concurrency 16", settings.Records, SlowSinkCall, hostRules, MaxConcurrentWrites: SlowSinkWriteConcurrency), cancellationToken);
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
            () => new EngineScenario(azurite.ConnectionString, () => azurite.CpuTime, scenario).RunAsync(cancellationToken));
        return (result, ceiling);
    }

    private static Task<AzuriteProcess> StartAzuriteAsync(CancellationToken cancellationToken) =>
        Step("Starting a fresh Azurite (data in a scratch folder)", () => AzuriteProcess.StartScratchAsync(cancellationToken));

    private static async Task<T> Step<T>(string description, Func<Task<T>> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {description}");
        return await action();
    }
}
