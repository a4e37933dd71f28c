using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the raw Azurite ceiling every pipeline share is computed from.</summary>
public static class CeilingReport
{
    public static void Print(StorageCeiling ceiling, TimeSpan phase)
    {
        var table = new Table()
            .Title($"Raw Azurite ceiling ({phase.TotalSeconds:0} s per measurement)")
            .AddColumns("Callers", "Queue sends/s", "Table upserts/s");
        foreach (var sample in ceiling.Samples)
        {
            table.AddRow(Count(sample.Callers), Rate(sample.QueueSendsPerSecond), Rate(sample.TableUpsertsPerSecond));
        }

        table.AddRow("best", Rate(ceiling.QueueSendsPerSecond), Rate(ceiling.TableUpsertsPerSecond));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Reference ceiling (mean of the best send and upsert rates): [bold]{Rate(ceiling.OperationsPerSecond)}[/]");
    }
}
