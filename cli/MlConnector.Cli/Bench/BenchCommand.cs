using System.CommandLine;

namespace MlConnector.Cli.Bench;

/// <summary>
/// `mlc bench`: measures the engine and the procurify-x3 flow on an in-memory Azurite and prints the numbers beside
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
        records.Validators.Add(result => RequireAtLeast(result, 100));
        procurify.Validators.Add(result => RequireAtLeast(result, 0));

        var command = new Command("bench", "Measure throughput, storage cost, latency and memory of the engine and the procurify-x3 flow") { records, procurify, memorySweep };
        command.SetAction((parse, ct) => CliContext.RunAsync(() =>
            new BenchRun(new BenchSettings(parse.GetValue(records), parse.GetValue(procurify), parse.GetValue(memorySweep))).RunAsync(ct)));
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
