namespace MlConnector.Cli.Bench;

/// <param name="Records">Synthetic records per engine run.</param>
/// <param name="PurchaseOrders">Procurify purchase orders; 0 skips the flow scenario.</param>
/// <param name="MemorySweep">Also run the instant sink at 1,000 and 20,000 records.</param>
/// <param name="Engine">Run the engine scenarios (false: the procurify-x3 flow alone).</param>
public sealed record BenchSettings(int Records, int PurchaseOrders, bool MemorySweep, bool Engine = true)
{
    public static readonly int[] SweepSizes = [1_000, 20_000];

    /// <summary>Instant-sink run sizes, smallest first so each run's peak is not inflated by a larger one before it.</summary>
    public IReadOnlyList<int> InstantSinkSizes => MemorySweep ? [.. SweepSizes.Append(Records).Distinct().Order()] : [Records];
}
