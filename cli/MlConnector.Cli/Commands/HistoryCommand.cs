using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Replay;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc history <flow> <record>`: a record's lineage, from the source version read to the target id written.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var flow = new Argument<string>("flow") { Description = "The flow the record belongs to" };
        var record = new Argument<string>("record") { Description = "The record's source key, as `mlc rejects` shows it" };
        var command = new Command("history", "Show every stage one record passed through, with versions, target ids and reasons") { flow, record };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var name = parse.GetValue(flow)!;
            var key = parse.GetValue(record)!;
            var lineage = await services.GetRequiredService<PipelineStatusReader>().LineageAsync(name, key, ct)
                ?? throw new UserErrorException($"Flow {name} has no record {key}. `mlc rejects` and `mlc status` list what it has.");
            Print(lineage);
            return 0;
        }));
        return command;
    }

    private static void Print(RecordLineage lineage)
    {
        var record = lineage.Record;
        AnsiConsole.MarkupLineInterpolated($"[bold]{record.Flow}[/] {record.SourceKey}: {record.Status}, source version {record.SourceVersion}, target {record.TargetId ?? "-"}");
        var table = new Table().AddColumns("At (UTC)", "Stage", "Status", "Version", "Attempt", "Target id", "Reason");
        foreach (var entry in lineage.History)
        {
            table.AddRow(
                new Text(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)),
                new Text(entry.Stage),
                new Text(entry.Status),
                new Text(entry.SourceVersion),
                new Text(entry.Attempt.ToString(CultureInfo.InvariantCulture)),
                new Text(entry.TargetId ?? string.Empty),
                new Text(entry.Reason ?? string.Empty));
        }

        AnsiConsole.Write(table);
    }
}
