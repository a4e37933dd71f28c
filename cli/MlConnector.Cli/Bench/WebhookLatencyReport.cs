using System.Globalization;
using Spectre.Console;

namespace MlConnector.Cli.Bench;

/// <summary>Prints the webhook acknowledgment latency beside the target (p99 under 100 ms).</summary>
public static class WebhookLatencyReport
{
    public const double P99TargetMilliseconds = 100;

    public static void Print(WebhookLatencyResult result, BenchFigures figures)
    {
        var table = new Table().Title($"Adobe Commerce webhooks, {result.Deliveries} concurrent deliveries to the local runtime")
            .AddColumns("Measure", "Measured", "Target", "Verdict");
        table.AddRow("Acknowledged with 200", $"{result.Acknowledged} / {result.Deliveries}", result.Deliveries.ToString(CultureInfo.InvariantCulture), BenchTargets.AtLeast(result.Acknowledged, result.Deliveries));
        table.AddRow("Acknowledgment p50", Milliseconds(result.P50Milliseconds), "-", "-");
        table.AddRow("Acknowledgment p99", Milliseconds(result.P99Milliseconds), $"< {P99TargetMilliseconds} ms", BenchTargets.Below(result.P99Milliseconds, P99TargetMilliseconds));
        table.AddRow("Slowest", Milliseconds(result.MaxMilliseconds), "-", "-");
        AnsiConsole.Write(table);
        var scenario = $"webhooks, {result.Deliveries} concurrent";
        figures.Add(scenario, "Acknowledgment p50", result.P50Milliseconds, "ms");
        figures.Add(scenario, "Acknowledgment p99", result.P99Milliseconds, "ms", $"< {P99TargetMilliseconds} ms", result.P99Milliseconds < P99TargetMilliseconds);
        AnsiConsole.MarkupLine("[grey]Signed before the burst, sent at once over connections a same-size warm-up burst opened (in Azure the front end holds the senders' TLS connections); each acknowledgment waits for its delivery's inbox write, shared with the deliveries that arrived alongside it.[/]");
    }

    private static string Milliseconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
