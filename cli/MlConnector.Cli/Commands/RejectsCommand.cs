using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Replay;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc rejects`: every rejected or failed record with its reason, so someone can fix the cause.</summary>
public static class RejectsCommand
{
    public static Command Create()
    {
        var flow = new Option<string?>("--flow") { Description = "Only this flow" };
        var command = new Command("rejects", "List rejected and failed records with their reasons") { flow };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var rows = await services.GetRequiredService<PipelineStatusReader>().RejectsAsync(parse.GetValue(flow), ct);
            Print(rows);
            return 0;
        }));
        return command;
    }

    public static void Print(IReadOnlyList<MlConnector.Pipeline.Records.RecordEntity> rows)
    {
        var table = new Table().AddColumns("Flow", "Record", "Status", "Attempts", "Reason");
        foreach (var row in rows)
        {
            table.AddRow(new Text(row.Flow), new Text(row.SourceKey), new Text(row.Status), new Text(row.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(row.Reason ?? string.Empty));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{rows.Count} records need attention. Fix the cause, then `mlc reprocess` (rejected) or `mlc replay` (failed).");
    }
}
