using System.Globalization;
using System.Text;

namespace MlConnector.ReliabilityTests.Chaos;

/// <summary>The fault matrix's result, worded for the test log and the figures scripts/test.sh prints.</summary>
internal sealed record FaultMatrixFigures(FaultMatrixOptions Options, Ledger Ledger, FaultCounts Faults, DeliveryCounts Deliveries, bool Quiet, TimeSpan Elapsed)
{
    public string Headline() => string.Create(CultureInfo.InvariantCulture,
        $"fault matrix: {Faults.Counts.Count} fault kinds x {Ledger.Expected} records ({Options.PolledRecords} polled, {Options.WebhookRecords} by webhook, {Deliveries.AcknowledgedCount} deliveries), {Options.Runtimes} runtimes: lost {Ledger.Lost} / duplicated {Ledger.Duplicated} / stuck {Ledger.Stuck} (stale versions {Ledger.Stale}, rejected or failed {Ledger.Rejected}, poison {Ledger.Poisoned}){(Quiet ? string.Empty : ", NOT quiet at the deadline")} in {Elapsed.TotalSeconds:F0} s");

    public string Details()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  faults injected: {string.Join(", ", Faults.Counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"))}");
        var refusals = Deliveries.RefusedByStatus.Count == 0 ? "none" : string.Join(", ", Deliveries.RefusedByStatus.Select(pair => $"HTTP {pair.Key} x{pair.Value}"));
        if (Ledger.Examples.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  for example: {string.Join(", ", Ledger.Examples)}");
        }

        text.Append(CultureInfo.InvariantCulture, $"  webhook deliveries: {Deliveries.AcknowledgedCount} acknowledged; retried after no answer {Deliveries.UnansweredCount}, after refusals: {refusals}");
        return text.ToString();
    }
}
