using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Flows.JaggaerX3;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.Jaggaer.Seeding;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// JAGGAER purchase orders with malformed fields. Each case gets one valid seeded order (its supplier, GL accounts, cost
/// centres and products in X3); the simulator's answer-rewrite hook applies the case's <c>set</c> (JSON pointer ->
/// value, null removes, relative to the order: <c>/header/...</c>, <c>/lineList/poLine/0/...</c>) wherever an answer
/// carries that order. One scheduled poll of <c>jaggaer-x3</c> reads them through the real source stream and the running
/// `mlc run` maps and writes; a case ends as its order's record did, keyed by <c>purchaseOrderId</c>. An order whose id
/// is removed is keyed by a hash of its row (<c>row-...</c>), so at most one case may remove it.
/// </summary>
internal sealed class JaggaerOrderCases(ReliabilityWorld world)
{
    public const string Intake = "jaggaer-purchase-order";

    private const long FirstOrderId = 95001;
    private const string IdPointer = "/header/purchaseOrderId";

    private readonly List<CorpusCase> _cases = [];

    public void Add(CorpusCase corpusCase) => _cases.Add(corpusCase);

    public async Task<IReadOnlyList<CaseResult>> RunAsync(TimeSpan patience)
    {
        if (_cases.Count == 0)
        {
            return [];
        }

        var scenario = world.Sandbox.SeedJaggaer(new SeedRequest { PurchaseOrders = _cases.Count, UnknownAccountShare = 0, FirstPurchaseOrderId = FirstOrderId, FirstSupplierId = 7501 });
        foreach (var (supplierId, code) in scenario.SupplierCodes)
        {
            // The supplier flow would create them; the corpus is about the orders.
            world.Sandbox.X3.SeedSupplier(code, $"JAGGAER supplier {supplierId}");
        }

        var unkeyed = _cases.Where(RemovesId).ToList();
        if (unkeyed.Count > 1)
        {
            throw new InvalidDataException($"{string.Join(", ", unkeyed.Select(c => c.Id))}: only one case may remove {IdPointer} (its record is keyed by a hash of the row)");
        }

        var jaggaer = world.Sandbox.Jaggaer;
        var keys = new Dictionary<CorpusCase, string>();
        for (var index = 0; index < _cases.Count; index++)
        {
            var corpusCase = _cases[index];
            var id = FirstOrderId + index;
            keys[corpusCase] = id.ToString(CultureInfo.InvariantCulture);
            if (corpusCase.Input.TryGetProperty("set", out var edits))
            {
                jaggaer.AnswerRewrites.Add(row => row["header"] is JsonObject header && header["purchaseOrderId"]?.ToJsonString() == keys[corpusCase], row => JsonPointerEdits.Apply(row, edits));
            }
        }

        try
        {
            var (records, pollError) = await PolledFlowRun.PollAsync(world, JaggaerX3Flows.PurchaseOrdersName, patience);
            if (pollError is not null)
            {
                return [.. _cases.Select(corpusCase => new CaseResult(corpusCase, "poll failed", null, pollError))];
            }

            return [.. _cases.Select(corpusCase => PolledFlowRun.Result(corpusCase, [.. records.Where(record => RemovesId(corpusCase)
                ? record.SourceKey.StartsWith("row-", StringComparison.Ordinal)
                : record.SourceKey == keys[corpusCase])]))];
        }
        finally
        {
            jaggaer.AnswerRewrites.Clear();
        }
    }

    private static bool RemovesId(CorpusCase corpusCase) =>
        corpusCase.Input.TryGetProperty("set", out var edits) && edits.TryGetProperty(IdPointer, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Null;
}
