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
/// for why not its in-memory mode), each engine run bracketed by its raw ceiling measured on the same Azurite just
/// before and just after, then the procurify-x3 flow. Every figure is also kept in <see cref="BenchFigures"/>.
/// </summary>
public sealed class BenchRun(BenchSettings settings, BenchFigures figures)
{
    private readonly int[] _ceilingCallers = settings.Quick ? [16] : [8, 32];
    private readonly TimeSpan _ceilingPhase = TimeSpan.FromSeconds(settings.Quick ? 1 : 4);
    private readonly TimeSpan _ceilingWarmUp = TimeSpan.FromSeconds(settings.Quick ? 0.5 : 2);
    private static readonly TimeSpan SlowSinkCall = TimeSpan.FromMilliseconds(100);
    private const int SlowSinkWriteConcurrency = 16;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        AnsiConsole.MarkupLineInterpolated($"[bold]mlc bench[/]: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {BenchFigures.LoadAverage()?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");

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
            ProcurifyReport.Print(procurify, figures);
        }

        BenchNotes.Print(hostRules, SlowSinkWriteConcurrency);
        AnsiConsole.MarkupLineInterpolated($"Benchmark finished in {BenchFormat.Seconds(total.Elapsed)}.");
        return 0;
    }

    private async Task RunEngineScenariosAsync(QueueRules hostRules, CancellationToken cancellationToken)
    {
        var instantRuns = new List<(EngineResult Run, CeilingBracket Ceiling)>();
        foreach (var size in settings.InstantSinkSizes)
        {
            var (run, ceiling) = await RunEngineAsync(new EngineScenarioSettings("instant sink", size, TimeSpan.Zero, hostRules), cancellationToken);
            instantRuns.Add((run, ceiling));
            EngineReport.Print(run, ceiling, BenchTargets.InstantSinkRecordsPerSecond, judgeCeilingShare: true, figures);
        }

        // Write concurrency 16 = at most 16 sink calls at once (Pipeline__MaxConcurrentWrites). host.json's rules let
        // 32 + 16 messages in, so the ones beyond 16 do their storage work (row updates, deletes) while the sink is busy.
        var (slow, slowCeiling) = await RunEngineAsync(new EngineScenarioSettings("100 ms sink, write concurrency 16", settings.Records, SlowSinkCall, hostRules, MaxConcurrentWrites: SlowSinkWriteConcurrency), cancellationToken);
        EngineReport.Print(slow, slowCeiling, BenchTargets.SlowSinkRecordsPerSecond, judgeCeilingShare: false, figures);

        if (instantRuns.Count > 1)
        {
            ScaleReport.Print(instantRuns, figures);
        }
    }

    private async Task<(EngineResult Result, CeilingBracket Ceiling)> RunEngineAsync(EngineScenarioSettings scenario, CancellationToken cancellationToken)
    {
        AnsiConsole.WriteLine();
        await using var azurite = await StartAzuriteAsync(cancellationToken);
        var before = await MeasureCeilingAsync(azurite, "before", cancellationToken);
        var result = await Step(
            $"Engine, {scenario.Label}: {scenario.Records:N0} records ({EngineReport.Rules(scenario.QueueRules)})",
            () => new EngineScenario(azurite.ConnectionString, () => azurite.CpuTime, scenario).RunAsync(cancellationToken));
        var after = await MeasureCeilingAsync(azurite, "after", cancellationToken);
        return (result, new CeilingBracket(before, after));
    }

    private async Task<StorageCeiling> MeasureCeilingAsync(AzuriteProcess azurite, string when, CancellationToken cancellationToken)
    {
        var ceiling = await Step(
            $"Measuring its raw ceiling {when} the run: {_ceilingWarmUp.TotalSeconds:0.#} s of warm-up, then {_ceilingPhase.TotalSeconds:0.#} s of queue operations and of table upserts with {string.Join(" and ", _ceilingCallers)} callers",
            () => new StorageCeilingProbe(azurite.ConnectionString, _ceilingCallers, _ceilingPhase, _ceilingWarmUp).MeasureAsync(cancellationToken));
        CeilingReport.Print(when + " the run", ceiling, _ceilingPhase);
        return ceiling;
    }

    private static Task<AzuriteProcess> StartAzuriteAsync(CancellationToken cancellationToken) =>
        Step("Starting a fresh Azurite (data in a scratch folder)", () => AzuriteProcess.StartScratchAsync(cancellationToken));

    private static async Task<T> Step<T>(string description, Func<Task<T>> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {description}");
        return await action();
    }
}
