using System.CommandLine;

namespace MlConnector.Cli.Bench;

/// <summary>
/// `mlc bench`: measures the engine and the procurify-x3 flow on a scratch Azurite and prints the numbers beside
/// the targets. It reports, it does not assert: a missed target still exits 0; only a broken run fails.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var records = new Option<int>("--records")
        {
            Description = "Synthetic records per engine run",
            DefaultValueFactory = _ => 5000,
        };
        var procurify = new Option<int>("--procurify")
        {
            Description = "Procurify purchase orders for the procurify-x3 run (0 skips it; the issue's full size is 10000)",
            DefaultValueFactory = _ => 2000,
        };
        var sizes = new Option<string?>("--sizes")
        {
            Description = "Also run the instant-sink engine scenario at these sizes, comma-separated (e.g. 3000,20000,100000), to show records/s and the peak working set stay flat as the tables grow",
        };
        var json = new Option<string?>("--json") { Description = "Also write every figure, its target and verdict to this JSON file" };
        var quick = new Option<bool>("--quick") { Description = "Short ceiling probes, for a smoke run that takes seconds (scripts/test.sh); its figures are rough" };
        var webhooks = new Option<int>("--webhooks")
        {
            Description = "Concurrent signed Adobe Commerce webhooks for the acknowledgment-latency run (0 skips it)",
            DefaultValueFactory = _ => 200,
        };
        var webhooksOnly = new Option<bool>("--webhooks-only") { Description = "Run only the webhook acknowledgment-latency scenario" };
        var procurifyOnly = new Option<bool>("--procurify-only") { Description = "Run only the procurify-x3 scenario" };
        records.Validators.Add(result => RequireAtLeast(result, 100));
        sizes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && ParseSizes(text) is null)
            {
                result.AddError("--sizes takes record counts of at least 100, comma-separated, e.g. 3000,20000,100000.");
            }
        });
        webhooks.Validators.Add(result => RequireAtLeast(result, 0));
        procurify.Validators.Add(result => RequireAtLeast(result, 0));

        var command = new Command("bench", "Measure throughput, storage cost, latency and memory of the engine and the procurify-x3 flow") { records, procurify, sizes, webhooks, webhooksOnly, procurifyOnly, json, quick };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var total = System.Diagnostics.Stopwatch.StartNew();
            var figures = new BenchFigures();
            var settings = new BenchSettings(
                parse.GetValue(records),
                parse.GetValue(procurify),
                parse.GetValue(sizes) is { } text ? ParseSizes(text)! : [],
                Engine: !parse.GetValue(procurifyOnly),
                JsonPath: parse.GetValue(json),
                Quick: parse.GetValue(quick));
            var exit = parse.GetValue(webhooksOnly) ? 0 : await new BenchRun(settings, figures).RunAsync(ct);
            if (exit == 0 && parse.GetValue(webhooks) > 0 && !parse.GetValue(procurifyOnly))
            {
                WebhookLatencyReport.Print(await WebhookLatencyScenario.RunAsync(parse.GetValue(webhooks), ct), figures);
            }

            if (exit == 0 && settings.JsonPath is { } path)
            {
                await figures.WriteAsync(path, total.Elapsed, ct);
                Spectre.Console.AnsiConsole.MarkupLineInterpolated($"Figures written to {path}.");
            }

            return exit;
        }));
        return command;
    }

    private static int[]? ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 100)
            {
                return null;
            }

            sizes.Add(size);
        }

        return sizes.Count > 0 ? [.. sizes] : null;
    }

    private static void RequireAtLeast(System.CommandLine.Parsing.OptionResult result, int minimum)
    {
        if (result.GetValueOrDefault<int>() < minimum)
        {
            result.AddError($"{result.Option.Name} must be at least {minimum}.");
        }
    }
}
