using Spectre.Console;
using static MlConnector.Cli.Bench.BenchFormat;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the raw Azurite ceiling every pipeline share is computed from.</summary>
public static class CeilingReport
{
    public static void Print(StorageCeiling ceiling, TimeSpan phase)
    {
        var table = new Table()
            .Title($"Raw Azurite ceiling: {ceiling.Callers} concurrent callers, {phase.TotalSeconds:0} s per operation")
            .AddColumns("Operation", "Operations/s");
        table.AddRow("Queue send (600-byte message)", Rate(ceiling.QueueSendsPerSecond));
        table.AddRow("Table upsert (replace, one entity)", Rate(ceiling.TableUpsertsPerSecond));
        table.AddRow("Reference ceiling (mean of the two)", Rate(ceiling.OperationsPerSecond));
        AnsiConsole.Write(table);
    }
}
