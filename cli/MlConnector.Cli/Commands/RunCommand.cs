using System.CommandLine;
using MlConnector.Runtime;
using MlConnector.Runtime.Admin;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>
/// `mlc run`: the local runtime (timers, queue workers, webhook and admin listener) until Ctrl+C or SIGTERM, which stop
/// polling at once, let in-flight messages finish within the stop grace, and exit 0.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Listen address for webhooks and admin calls", DefaultValueFactory = _ => LocalRuntime.DefaultUrl };
        var command = new Command("run", "Run the local runtime: schedules, queue workers and the HTTP listener") { url };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var configuration = CliConfiguration.Load(parse.GetValue(CliContext.Settings));
            var listenOn = parse.GetValue(url)!;
            foreach (var address in listenOn.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new UserErrorException($"--url '{address}' is not an http(s) address such as {LocalRuntime.DefaultUrl}.");
                }
            }

            await using var app = LocalRuntime.Build(configuration, listenOn);
            AnsiConsole.MarkupLineInterpolated($"ml-connector local runtime listening on {listenOn}; operator console at {listenOn.Split(';')[0].TrimEnd('/')}/api/console/; Ctrl+C stops it after in-flight messages finish.");
            if (!listenOn.Split(';').All(AdminAccess.IsLoopback))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {listenOn} is reachable from other machines: webhooks are checked by signature, and admin calls need the admin token ('mlc admin token' prints it).");
            }

            await LocalRuntime.RunUntilStoppedAsync(app, ct);
            AnsiConsole.MarkupLine("ml-connector local runtime stopped.");
            return 0;
        }));
        return command;
    }
}
