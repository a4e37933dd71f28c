using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Cli.Commands;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Replay;
using MlConnector.Runtime;
using MlConnector.Runtime.Azurite;
using Spectre.Console;

namespace MlConnector.Cli.Demo;

/// <summary>
/// `mlc demo`: Azurite (data kept in .data/azurite), the simulators and the local runtime, every wired flow once,
/// then a summary of what was written, what was rejected and why, and what sits in poison.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var exit = new Option<bool>("--exit") { Description = "Stop after the summary instead of keeping the operator console open" };
        var command = new Command("demo", "Run every flow once against Azurite and the simulators, summarise the outcome, and keep the operator console open") { exit };
        command.SetAction((parse, ct) => CliContext.RunAsync(() => RunAsync(keepServing: !parse.GetValue(exit) && !Console.IsInputRedirected, ct)));
        return command;
    }

    private static async Task<int> RunAsync(bool keepServing, CancellationToken cancellationToken)
    {
        var root = AzuriteProcess.FindRepositoryRoot() ?? Directory.GetCurrentDirectory();
        var data = Path.Combine(root, ".data");
        AnsiConsole.MarkupLine("[bold]ml-connector demo[/]");
        await using var azurite = await Step("Starting Azurite (data in .data/azurite)", () => AzuriteProcess.StartAsync(Path.Combine(data, "azurite"), cancellationToken));
        await using var sandbox = await Step("Starting the Sage X3, Procurify, JAGGAER, SPS Commerce and Adobe Commerce simulators", () => Sandbox.Sandbox.StartAsync(cancellationToken: cancellationToken));

        var prefix = "demo" + TimeProvider.System.GetUtcNow().ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sandbox.Settings(azurite.ConnectionString, prefix, Path.Combine(data, "demo-secrets")))
            .Build();
        await using var app = LocalRuntime.Build(configuration, address.ToString().TrimEnd('/'));
        await sandbox.StoreSecretsAsync(app.Services.GetRequiredService<ISecretStore>(), cancellationToken);
        await Step($"Starting the local runtime on {address}", () => app.StartAsync(cancellationToken));

        var notes = await new DemoScenario(sandbox, app.Services, address).RunAsync(step => AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {step}"), cancellationToken);
        foreach (var note in notes)
        {
            AnsiConsole.MarkupLineInterpolated($"  {note}");
        }

        AnsiConsole.WriteLine();
        await StatusCommand.PrintAsync(app.Services, flow: null, cancellationToken);
        RejectsCommand.Print(await app.Services.GetRequiredService<PipelineStatusReader>().RejectsAsync(flow: null, cancellationToken));
        var console = new Uri(address, "api/console/");
        AnsiConsole.MarkupLineInterpolated($"[bold]Operator console: {console}[/] (flows, the rejects above grouped by reason, each record's lineage; add the missing mappings there and reprocess).");
        if (keepServing)
        {
            AnsiConsole.MarkupLine("The console stays open until Ctrl+C.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop the runtime below.
            }
        }

        await app.StopAsync(CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"Storage prefix '{prefix}' kept in .data/azurite. Next: add the missing mappings (the console, or `mlc mappings import`), then reprocess (the console, or `mlc reprocess`).");
        return 0;
    }

    private static async Task<T> Step<T>(string description, Func<Task<T>> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {description}");
        return await action();
    }

    private static async Task Step(string description, Func<Task> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {description}");
        await action();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
