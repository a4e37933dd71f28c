using System.CommandLine;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Flows;
using Spectre.Console;

namespace MlConnector.Cli;

/// <summary>What every command shares: the --settings option, building services, and turning failures into one clear line.</summary>
public static class CliContext
{
    public static readonly Option<FileInfo?> Settings = new("--settings")
    {
        Description = "A local.settings.json with the app settings (default: ./local.settings.json, then environment variables)",
        Recursive = true,
    };

    public static Task<ServiceProvider> ServicesAsync(ParseResult parse, CancellationToken cancellationToken) =>
        CliHost.BuildAsync(CliConfiguration.Load(parse.GetValue(Settings)), cancellationToken);

    /// <summary>Runs a command body; user mistakes and unreachable systems become one line and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is UserErrorException or UnknownFlowException or InvalidOperationException or FormatException or ArgumentException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot reach storage ({FirstLine(ex.Message)}): check AzureWebJobsStorage, or start Azurite");
            return 1;
        }
        catch (RequestFailedException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] storage answered {ex.Status} {ex.ErrorCode}: check AzureWebJobsStorage ({FirstLine(ex.Message)})");
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is RequestFailedException))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot reach storage ({FirstLine(ex.InnerExceptions[0].Message)}): check AzureWebJobsStorage, or start Azurite");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]");
            return 130;
        }
        catch (Exception ex)
        {
            // Not a user mistake, but still one line: the logs and `mlc status` carry the detail.
            AnsiConsole.MarkupLineInterpolated($"[red]unexpected error:[/] {ex.GetType().Name}: {FirstLine(ex.Message)}");
            return 2;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
