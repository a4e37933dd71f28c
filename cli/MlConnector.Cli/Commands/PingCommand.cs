using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Diagnostics;
using MlConnector.Pipeline.Storage;
using Spectre.Console;

namespace MlConnector.Cli.Commands;

/// <summary>`mlc ping`: tests storage and every configured connection, naming the setting that is wrong.</summary>
public static class PingCommand
{
    public static Command Create()
    {
        var command = new Command("ping", "Test every configured connection and say which URL or credential is wrong");
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            await using var services = await CliContext.ServicesAsync(parse, ct);
            var table = new Table().AddColumns("Connection", "Result", "Wrong part", "Detail");
            table.AddRow(new Text("Storage (AzureWebJobsStorage)"), new Markup("[green]ok[/]"), new Text("-"), new Text(services.GetRequiredService<PipelineStorage>().Names.RecordsTable));
            var failures = 0;
            var checks = services.GetServices<IConnectionCheck>().ToList();
            if (checks.Count == 0)
            {
                throw new UserErrorException("No connector is configured: add a SageX3, Procurify, Jaggaer, SpsCommerce, Stedi or AdobeCommerce section to the settings.");
            }

            foreach (var check in checks)
            {
                ConnectionCheckResult result;
                try
                {
                    result = await check.CheckAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    result = ConnectionCheckResult.Failed(ConnectionPart.Service, ex.Message);
                }

                failures += result.Succeeded ? 0 : 1;
                table.AddRow(
                    new Text(check.Name),
                    new Markup(result.Succeeded ? "[green]ok[/]" : "[red]failed[/]"),
                    new Text(result.FailingPart?.ToString() ?? "-"),
                    new Text(result.Detail));
            }

            AnsiConsole.Write(table);
            return failures == 0 ? 0 : 1;
        }));
        return command;
    }
}
