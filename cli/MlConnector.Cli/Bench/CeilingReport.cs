using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the raw Azurite ceiling every pipeline share is computed from.</summary>
public static class CeilingReport
{
    public static void Print(string when, StorageCeiling ceiling, TimeSpan phase)
    {
        var table = new Table()
            .Title($"Raw Azurite ceiling {when} ({phase.TotalSeconds:0.#} s per measurement, after a warm-up)")
            .AddColumns("Callers", "Queue ops/s (send, receive, delete)", "Table upserts/s");
        foreach (var sample in ceiling.Samples)
        {
            table.AddRow(Count(sample.Callers), Rate(sample.QueueOperationsPerSecond), Rate(sample.TableUpsertsPerSecond));
        }

        table.AddRow("best", Rate(ceiling.QueueOperationsPerSecond), Rate(ceiling.TableUpsertsPerSecond));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Ceiling {when} (mean of the best queue and table rates): [bold]{Rate(ceiling.OperationsPerSecond)}[/]");
    }
}
