using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the procurify-x3 run and which external calls its cost per record is made of.</summary>
public static class ProcurifyReport
{
    public static void Print(ProcurifyResult result, BenchFigures figures)
    {
        var table = new Table()
            .Title($"procurify-x3, {Count(result.PurchaseOrders)} purchase orders into X3 (REST)")
            .AddColumns("Measure", "Measured", "Target", "Verdict");
        table.AddRow("Written / not written", $"{Count(result.Written)} / {Count(result.NotWritten)}", Count(result.PurchaseOrders), BenchTargets.AtLeast(result.Written, result.PurchaseOrders));
        table.AddRow("Intake (poll) duration", Seconds(result.IntakeDuration), "-", "-");
        table.AddRow("Poll start to last Written", Seconds(result.Elapsed), "-", "-");
        table.AddRow("Records/s end-to-end", Rate(result.RecordsPerSecond), "-", "-");
        table.AddRow("Storage ops per record", Ratio(result.StorageOperationsPerRecord), "<= " + Ratio(BenchTargets.StorageOperationsPerRecord), BenchTargets.AtMost(result.StorageOperationsPerRecord, BenchTargets.StorageOperationsPerRecord));
        table.AddRow("External calls per record", Ratio(result.CallsPerRecord), "<= " + Ratio(BenchTargets.ExternalCallsPerRecord), BenchTargets.AtMost(result.CallsPerRecord, BenchTargets.ExternalCallsPerRecord));
        table.AddRow("  token calls (whole run)", Count(result.TokenCalls), "-", "-");
        AnsiConsole.Write(table);
        var scenario = $"procurify-x3, {result.PurchaseOrders} purchase orders";
        figures.Add(scenario, "Records/s end-to-end", result.RecordsPerSecond, "records/s");
        figures.Add(scenario, "Storage ops per record", result.StorageOperationsPerRecord, "operations", "<= " + Ratio(BenchTargets.StorageOperationsPerRecord), result.StorageOperationsPerRecord <= BenchTargets.StorageOperationsPerRecord);
        figures.Add(scenario, "External calls per record", result.CallsPerRecord, "calls", "<= " + Ratio(BenchTargets.ExternalCallsPerRecord), result.CallsPerRecord <= BenchTargets.ExternalCallsPerRecord);

        var calls = new Table().Title("External calls by route").AddColumns("System", "Method", "Route", "Calls", "Per record");
        foreach (var group in result.Calls)
        {
            calls.AddRow(
                new Text(group.System),
                new Text(group.Method),
                new Text(group.Route + (group.IsToken ? " (token)" : string.Empty)),
                new Text(Count(group.Count)),
                new Text(Ratio((double)group.Count / result.PurchaseOrders)));
        }

        AnsiConsole.Write(calls);
        if (result.Calls.FirstOrDefault(group => !group.IsToken) is { } top && result.RecordCalls > 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Dominant call: {top.System} {top.Method} {top.Route}, {Percent((double)top.Count / result.RecordCalls)} of the per-record calls ({Ratio((double)top.Count / result.PurchaseOrders)} per record).");
        }
    }
}
