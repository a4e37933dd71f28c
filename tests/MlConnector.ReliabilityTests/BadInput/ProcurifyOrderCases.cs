using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// Procurify purchase orders with malformed fields, as the v2 list, the order-items list and the v2 detail would serve
/// them. Each case gets one valid seeded order (mapped vendor, accounts, items in X3); the simulator's answer-rewrite
/// hook then applies the case's edits to that order wherever an answer carries it: <c>order</c> (JSON pointer -> value,
/// null removes) on the order's row, <c>lines</c> on every one of its order items, <c>line1</c> on its first line only.
/// One scheduled poll of <c>procurify-x3</c> reads them through the real source stream and the running `mlc run` maps
/// and writes; a case ends as its order's record did (keyed by <c>procurify_PO</c>, or by its UUID when that is missing).
/// </summary>
internal sealed class ProcurifyOrderCases(ReliabilityWorld world)
{
    public const string Intake = "procurify-purchase-order";

    /// <summary>Clear of the numbers other tests seed, so a case's order is only ever its own.</summary>
    private const int FirstOrderNumber = 4001;

    private readonly List<CorpusCase> _cases = [];

    public void Add(CorpusCase corpusCase) => _cases.Add(corpusCase);

    public async Task<IReadOnlyList<CaseResult>> RunAsync(TimeSpan patience)
    {
        if (_cases.Count == 0)
        {
            return [];
        }

        await world.Sandbox.SeedProcurifyAsync(
            new SeedRequest { PurchaseOrders = _cases.Count, LinesPerOrder = 2, UnmappableShare = 0, FirstPurchaseOrderNumber = FirstOrderNumber }, world.Mappings, CancellationToken.None);
        var procurify = world.Sandbox.Procurify;
        var keys = new Dictionary<CorpusCase, string[]>();
        for (var index = 0; index < _cases.Count; index++)
        {
            var corpusCase = _cases[index];
            var number = FirstOrderNumber + index;
            var uuid = procurify.Store.PurchaseOrder(number)!.Uuid.ToString();
            keys[corpusCase] = [number.ToString(CultureInfo.InvariantCulture), "uuid-" + uuid];
            Rewrite(corpusCase, "order", row => Is(row["procurify_PO"], number));
            Rewrite(corpusCase, "lines", row => Names(row, number));
            Rewrite(corpusCase, "line1", row => Names(row, number) && Is(row["PO_line_num"], 1));
        }

        try
        {
            var (records, pollError) = await PolledFlowRun.PollAsync(world, ProcurifyX3Flow.Name, patience);
            if (pollError is not null)
            {
                return [.. _cases.Select(corpusCase => new CaseResult(corpusCase, "poll failed", null, pollError))];
            }

            return [.. _cases.Select(corpusCase => PolledFlowRun.Result(corpusCase, [.. records.Where(record => keys[corpusCase].Contains(record.SourceKey, StringComparer.Ordinal))]))];
        }
        finally
        {
            procurify.AnswerRewrites.Clear();
        }
    }

    private void Rewrite(CorpusCase corpusCase, string part, Func<JsonObject, bool> matches)
    {
        if (corpusCase.Input.TryGetProperty(part, out var edits))
        {
            world.Sandbox.Procurify.AnswerRewrites.Add(matches, row => JsonPointerEdits.Apply(row, edits));
        }
    }

    /// <summary>An order item (list row or detail line) of purchase order <paramref name="number"/>: its <c>PO</c> ids name it.</summary>
    private static bool Names(JsonObject row, int number) =>
        row["PO"] is JsonArray orders && orders.Any(order => Is(order, number));

    private static bool Is(JsonNode? node, int expected) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() == expected.ToString(CultureInfo.InvariantCulture);
}
