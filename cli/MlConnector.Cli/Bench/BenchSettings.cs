namespace MlConnector.Cli.Bench;

/// <param name="Records">Synthetic records per engine run.</param>
/// <param name="PurchaseOrders">Procurify purchase orders; 0 skips the flow scenario.</param>
/// <param name="ScaleSizes">More instant-sink run sizes, to show records/s and memory stay flat as the tables grow (empty: none).</param>
/// <param name="Engine">Run the engine scenarios (false: the procurify-x3 flow alone).</param>
/// <param name="JsonPath">Where to write every figure as JSON, or null.</param>
/// <param name="Quick">Short ceiling probes (CI's smoke run: the figures are kept, not judged).</param>
public sealed record BenchSettings(int Records, int PurchaseOrders, IReadOnlyList<int> ScaleSizes, bool Engine = true, string? JsonPath = null, bool Quick = false)
{
    /// <summary>Instant-sink run sizes, smallest first so each run's peak is not inflated by a larger one before it.</summary>
    public IReadOnlyList<int> InstantSinkSizes => [.. ScaleSizes.Append(Records).Distinct().Order()];
}
