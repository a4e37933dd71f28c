using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Stages;
using MlConnector.Runtime.Queues;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc sync &lt;flow&gt;`: one run now (with progress), a dry run, or a backfill from a date.</summary>
public static class SyncCommand
{
    public static Command Create()
    {
        var flow = new Argument<string>("flow") { Description = "The flow to run, e.g. procurify-x3 (see `mlc status`)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read the real source and map against the target's reference data; write nothing, move no cursor" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Backfill: read changes from this date (UTC); the saved cursor is left untouched" };
        var limit = new Option<int?>("--limit") { Description = "Dry run only: stop after this many records" };
        var command = new Command("sync", "Run a flow once now") { flow, dryRun, since, limit };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var name = parse.GetValue(flow)!;
            return parse.GetValue(dryRun)
                ? await DryRunAsync(services, name, parse.GetValue(since), parse.GetValue(limit), ct)
                : await SyncAsync(services, name, parse.GetValue(since), ct);
        }));
        return command;
    }

    public static async Task<int> SyncAsync(IServiceProvider services, string flow, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        PollSummary? summary = null;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn()).StartAsync(async context =>
        {
            var read = context.AddTask($"[green]{flow}[/]: reading source").IsIndeterminate();
            var progress = new Progress<PollProgress>(p => read.Description = $"[green]{flow}[/]: {p.Pages} pages, {p.RecordsRead} read, {p.Enqueued} enqueued");
            summary = await services.GetRequiredService<FlowPoller>().RunAsync(flow, new PollOptions(since), progress, cancellationToken);
            read.Value = read.MaxValue;
            read.IsIndeterminate = false;
            var write = context.AddTask($"[green]{flow}[/]: mapping and writing").IsIndeterminate();
            await services.GetRequiredService<PipelineWorkers>().DrainAsync(cancellationToken);
            write.IsIndeterminate = false;
            write.Value = write.MaxValue;
        });
        AnsiConsole.MarkupLineInterpolated($"{flow}: {summary!.RecordsRead} read, {summary.Enqueued} enqueued, {summary.SkippedUnchanged} unchanged, {summary.RejectsRetried} rejects retried; cursor {summary.CursorAfter ?? "(none)"}");
        await StatusCommand.PrintAsync(services, flow, cancellationToken);
        return 0;
    }

    private static async Task<int> DryRunAsync(IServiceProvider services, string flow, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<DryRunner>().RunAsync(flow, since, limit, progress: null, cancellationToken);
        var table = new Table().Title($"Dry run of {flow}: nothing was written").AddColumns("Outcome", "Record", "Detail");
        foreach (var item in report.WouldWrite)
        {
            table.AddRow(new Markup("[green]would write[/]"), new Text(item.SourceKey), new Text(item.Detail));
        }

        foreach (var item in report.WouldReject)
        {
            table.AddRow(new Markup("[red]would reject[/]"), new Text(item.SourceKey), new Text(item.Detail));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{report.WouldWrite.Count} would be written, {report.WouldReject.Count} would be rejected.");
        return 0;
    }
}
