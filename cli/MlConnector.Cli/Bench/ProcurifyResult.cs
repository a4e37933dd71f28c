namespace MlConnector.Cli.Bench;

/// <summary>One procurify-x3 run: outcomes, timings, storage operations and the external calls grouped by route.</summary>
public sealed record ProcurifyResult(
    int PurchaseOrders,
    int Enqueued,
    long Written,
    long NotWritten,
    TimeSpan IntakeDuration,
    TimeSpan Elapsed,
    long StorageOperations,
    IReadOnlyList<ExternalCallGroup> Calls)
{
    public double RecordsPerSecond => Written / Elapsed.TotalSeconds;

    public int RecordCalls => Calls.Where(group => !group.IsToken).Sum(group => group.Count);

    public int TokenCalls => Calls.Where(group => group.IsToken).Sum(group => group.Count);

    public double CallsPerRecord => (double)RecordCalls / PurchaseOrders;

    public double StorageOperationsPerRecord => (double)StorageOperations / PurchaseOrders;
}
