using System.CommandLine;
using MlConnector.Runtime;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc run`: the local runtime (timers, queue workers, webhook and admin listener) until Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Listen address for webhooks and admin calls", DefaultValueFactory = _ => LocalRuntime.DefaultUrl };
        var command = new Command("run", "Run the local runtime: schedules, queue workers and the HTTP listener") { url };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var configuration = CliConfiguration.Load(parse.GetValue(CliContext.Settings));
            await using var app = LocalRuntime.Build(configuration, parse.GetValue(url)!);
            AnsiConsole.MarkupLineInterpolated($"ml-connector local runtime listening on {parse.GetValue(url)}; operator console at {parse.GetValue(url)!.TrimEnd('/')}/api/console/; Ctrl+C stops it after in-flight messages finish.");
            await app.StartAsync(ct);

            // A service manager stops the app through its lifetime (Windows service stop, systemd), a console through ct.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: fall through to a graceful stop.
            }

            await app.StopAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }
}
