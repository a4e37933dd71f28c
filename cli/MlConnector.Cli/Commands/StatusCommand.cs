using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc status`: per flow the last run, the cursor, counts by status; and the poison queues' depth.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show each flow's last run, cursor, record counts and poison depth");
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            await PrintAsync(services, flow: null, ct);
            return 0;
        }));
        return command;
    }

    public static async Task PrintAsync(IServiceProvider services, string? flow, CancellationToken cancellationToken)
    {
        var status = await services.GetRequiredService<PipelineStatusReader>().ReadAsync(cancellationToken);
        var table = new Table().AddColumns("Flow", "Last run (UTC)", "Cursor", "Written", "Rejected", "Failed", "In flight");
        foreach (var row in status.Flows.Where(f => flow is null || f.Name == flow))
        {
            table.AddRow(
                row.Name,
                row.LastRun?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? (row.IsPolled ? "never" : "webhook"),
                string.IsNullOrEmpty(row.Cursor) ? "-" : row.Cursor,
                row.Counts[RecordStatus.Written].ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Counts[RecordStatus.Rejected].ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Counts[RecordStatus.Failed].ToString(System.Globalization.CultureInfo.InvariantCulture),
                (row.Counts[RecordStatus.Received] + row.Counts[RecordStatus.Mapped]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var failed in status.Flows.Where(f => (flow is null || f.Name == flow) && f.LastRunError is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{failed.Name}: last run failed:[/] {failed.LastRunError}");
        }

        foreach (var waiting in status.Flows.Where(f => (flow is null || f.Name == flow) && f.InboxBatches > 0))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{waiting.Name}: {waiting.InboxBatches} webhook batch(es) stored but not yet admitted[/] (forwarded within seconds, or by the maintenance sweep if the process that stored them stopped)");
        }

        AnsiConsole.MarkupLineInterpolated($"Poison queues: map {status.MapPoisonDepth}, write {status.WritePoisonDepth}");
    }
}
