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
        var memorySweep = new Option<bool>("--memory-sweep")
        {
            Description = "Also run the instant-sink engine scenario at 1,000 and 20,000 records to show the peak working set stays flat",
        };
        var webhooks = new Option<int>("--webhooks")
        {
            Description = "Concurrent signed Adobe Commerce webhooks for the acknowledgment-latency run (0 skips it)",
            DefaultValueFactory = _ => 200,
        };
        var webhooksOnly = new Option<bool>("--webhooks-only") { Description = "Run only the webhook acknowledgment-latency scenario" };
        var procurifyOnly = new Option<bool>("--procurify-only") { Description = "Run only the procurify-x3 scenario" };
        records.Validators.Add(result => RequireAtLeast(result, 100));
        webhooks.Validators.Add(result => RequireAtLeast(result, 0));
        procurify.Validators.Add(result => RequireAtLeast(result, 0));

        var command = new Command("bench", "Measure throughput, storage cost, latency and memory of the engine and the procurify-x3 flow") { records, procurify, memorySweep, webhooks, webhooksOnly, procurifyOnly };
        command.SetAction((parse, ct) => CliContext.RunAsync(async () =>
        {
            var exit = parse.GetValue(webhooksOnly)
                ? 0
                : await new BenchRun(new BenchSettings(parse.GetValue(records), parse.GetValue(procurify), parse.GetValue(memorySweep), Engine: !parse.GetValue(procurifyOnly))).RunAsync(ct);
            if (exit == 0 && parse.GetValue(webhooks) > 0 && !parse.GetValue(procurifyOnly))
            {
                WebhookLatencyReport.Print(await WebhookLatencyScenario.RunAsync(parse.GetValue(webhooks), ct));
            }

            return exit;
        }));
        return command;
    }

    private static void RequireAtLeast(System.CommandLine.Parsing.OptionResult result, int minimum)
    {
        if (result.GetValueOrDefault<int>() < minimum)
        {
            result.AddError($"{result.Option.Name} must be at least {minimum}.");
        }
    }
}
