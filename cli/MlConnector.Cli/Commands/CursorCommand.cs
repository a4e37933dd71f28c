using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc cursor reset &lt;flow&gt; [--to date]`: move a flow's cursor by hand (empty: read everything again).</summary>
public static class CursorCommand
{
    public static Command Create()
    {
        var flow = new Argument<string>("flow") { Description = "The polled flow" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Restart from this date (UTC); without it the next sync reads everything" };
        var reset = new Command("reset", "Reset a flow's sync cursor") { flow, to };
        reset.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var name = parse.GetValue(flow)!;
            var parts = services.GetRequiredService<FlowCatalog>().Parts(name);
            var target = parse.GetValue(to);
            await services.GetRequiredService<CursorStore>().ResetAsync(name, parts.Source.Definition.Name, target, ct);
            AnsiConsole.MarkupLineInterpolated($"{name}: cursor {(target is null ? "cleared; the next sync reads everything" : "set to " + CursorStore.FormatInstant(target.Value))}.");
            return 0;
        }));
        return new Command("cursor", "Inspect or move sync cursors") { reset };
    }
}
