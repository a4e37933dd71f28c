using MlConnector.Pipeline.Records;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.Chaos;

/// <summary>
/// What the fault matrix judges, from X3's records and the pipeline's rows once the system is quiet.
/// Lost: a source record with no X3 record. Duplicated: an extra X3 record for one source record. Stuck: a record not in
/// a terminal state (written, rejected, failed), or a message left in a poison queue. Stale: an X3 invoice showing an
/// older version of its order than the newest delivered.
/// </summary>
internal sealed record Ledger(int Expected, int Lost, int Duplicated, int Stuck, int Stale, int Rejected, int Poisoned, IReadOnlyList<string> Examples)
{
    public static async Task<Ledger> ComputeAsync(ReliabilityWorld world, IReadOnlyList<string> purchaseOrders, IReadOnlyList<string> adobeOrders, string latestLineName)
    {
        var x3Orders = world.Sandbox.X3.PurchaseOrders().Select(order => order["YEXTREF"]?.ToString()).Where(reference => !string.IsNullOrEmpty(reference)).ToList();
        var x3Invoices = world.Sandbox.X3.SupplierInvoices();
        var invoiceReferences = x3Invoices.Select(invoice => invoice["YEXTREF"]?.ToString()).Where(reference => !string.IsNullOrEmpty(reference)).ToList();

        var lost = Missing(purchaseOrders, x3Orders!) + Missing(adobeOrders, invoiceReferences!);
        var duplicated = Extra(purchaseOrders, x3Orders!) + Extra(adobeOrders, invoiceReferences!);
        var stale = x3Invoices.Count(invoice => invoice["$lines"]?.AsArray().Any(line => line?["ITMDES"]?.ToString() != latestLineName) == true);

        var stuck = 0;
        var rejected = 0;
        foreach (var flow in new[] { FaultMatrix.PolledFlow, FaultMatrix.WebhookFlow })
        {
            var counts = await world.CountAsync(flow);
            stuck += counts[RecordStatus.Received] + counts[RecordStatus.Mapped];
            rejected += counts[RecordStatus.Rejected] + counts[RecordStatus.Failed];
        }

        var poisoned = await DepthAsync(world.Storage.MapPoisonQueue) + await DepthAsync(world.Storage.WritePoisonQueue);
        var examples = Absent(purchaseOrders, x3Orders!).Concat(Absent(adobeOrders, invoiceReferences!)).Select(reference => $"lost {reference}")
            .Concat(Repeated(x3Orders!).Concat(Repeated(invoiceReferences!)).Select(reference => $"written twice {reference}"))
            .Concat(x3Invoices.Where(invoice => invoice["$lines"]?.AsArray().Any(line => line?["ITMDES"]?.ToString() != latestLineName) == true).Select(invoice => $"stale {invoice["YEXTREF"]}"))
            .Take(10).ToList();
        return new Ledger(purchaseOrders.Count + adobeOrders.Count, lost, duplicated, stuck + rejected + poisoned, stale, rejected, poisoned, examples);
    }

    private static int Missing(IReadOnlyList<string> expected, IReadOnlyList<string> found) => Absent(expected, found).Count();

    private static IEnumerable<string> Absent(IReadOnlyList<string> expected, IReadOnlyList<string> found)
    {
        var present = found.ToHashSet(StringComparer.Ordinal);
        return expected.Where(reference => !present.Contains(reference));
    }

    private static IEnumerable<string> Repeated(IReadOnlyList<string> found) =>
        found.GroupBy(reference => reference, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key);

    /// <summary>Every X3 record beyond the first for a source record, and any the sources never asked for.</summary>
    private static int Extra(IReadOnlyList<string> expected, IReadOnlyList<string> found)
    {
        var wanted = expected.ToHashSet(StringComparer.Ordinal);
        return found.GroupBy(reference => reference, StringComparer.Ordinal).Sum(group => wanted.Contains(group.Key) ? group.Count() - 1 : group.Count());
    }

    private static async Task<int> DepthAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
