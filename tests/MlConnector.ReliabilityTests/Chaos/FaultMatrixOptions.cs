using System.Globalization;

namespace MlConnector.ReliabilityTests.Chaos;

/// <param name="Records">Records in all: seven in ten polled from Procurify, three in ten Adobe Commerce orders by webhook.</param>
/// <param name="Runtimes">`mlc run` processes sharing the storage account.</param>
/// <param name="ChaosWindow">How long faults keep coming (from the start of the run).</param>
/// <param name="Deadline">By when the system must be quiet (from the start of the run).</param>
internal sealed record FaultMatrixOptions(int Records, int Runtimes, TimeSpan ChaosWindow, TimeSpan Deadline)
{
    /// <summary>The variant CI runs on every build: about a thousand records in under three minutes.</summary>
    public static FaultMatrixOptions Ci { get; } = new(1000, 2, TimeSpan.FromSeconds(70), TimeSpan.FromMinutes(3));

    public int PolledRecords => Records * 7 / 10;

    public int WebhookRecords => Records - PolledRecords;

    /// <summary>The long variant, when MLC_CHAOS_RECORDS is set (scripts/chaos.sh): the chaos lasts while the records flow.</summary>
    public static FaultMatrixOptions? Long()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("MLC_CHAOS_RECORDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var records) || records <= 0)
        {
            return null;
        }

        var minutes = Math.Max(3, records / 1000.0 * 1.5);
        return new FaultMatrixOptions(records, 3, TimeSpan.FromMinutes(minutes * 0.6), TimeSpan.FromMinutes(minutes * 2));
    }
}
