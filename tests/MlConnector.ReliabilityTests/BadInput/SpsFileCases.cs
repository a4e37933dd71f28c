using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.SpsCommerce.Seeding;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// RSX 850 files as trading partners' systems drop them in SPS's <c>out/PO/</c>: every case's file is put in the SPS
/// simulator, one poll of <c>sps-x3</c> reads them through the real SPS source (listing, download, split, delete once
/// admitted), and the running `mlc run` maps and writes each record. A file ends as its records do: rejected with the
/// reason, or written to the X3 simulator; a file that left no record was lost. The file is <c>content</c> (text),
/// <c>contentBase64</c> (bytes), or <c>order</c>: a valid seeded order with <c>set</c> edits (PO number CRP + the case's
/// number unless set), with <c>bom</c> (a UTF-8 byte-order mark), <c>longNote</c> (a header note of that many characters) and <c>second</c> (a second order with its own edits, the file then an array).
/// </summary>
internal sealed class SpsFileCases(ReliabilityWorld world)
{
    public const string Intake = "sps-file";

    private readonly List<CorpusCase> _cases = [];

    public void Add(CorpusCase corpusCase) => _cases.Add(corpusCase);

    public async Task<IReadOnlyList<CaseResult>> RunAsync(TimeSpan patience)
    {
        if (_cases.Count == 0)
        {
            return [];
        }

        // One valid order of a seeded partner (customer, items and mappings in X3 and the tables): the template of every case.
        var scenario = await world.Sandbox.SeedSpsAsync(new OrderSeedRequest { Orders = 1, LinesPerOrder = 2 }, world.Mappings, CancellationToken.None);
        var seeded = scenario.Files.Single();
        var template = JsonNode.Parse(world.Sandbox.Sps.Files.Find(seeded)!.Content)!;
        world.Sandbox.Sps.Files.Delete(seeded);

        var files = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var corpusCase in _cases)
        {
            var name = corpusCase.Text("fileName") ?? $"CRP-{corpusCase.Name}.json";
            world.Sandbox.Sps.Files.Put("out/PO/" + name, Content(corpusCase, template));
            files[name] = corpusCase;
        }

        try
        {
            await world.Services.GetRequiredService<FlowPoller>().RunAsync(SpsCommerceX3Flows.OrdersName, PollOptions.Scheduled, progress: null, CancellationToken.None);
        }
        catch (Exception poll)
        {
            return [.. _cases.Select(corpusCase => new CaseResult(corpusCase, "poll failed", null, $"{poll.GetType().Name}: {poll.Message}"))];
        }

        var deadline = DateTimeOffset.UtcNow + patience;
        List<RecordEntity> records;
        do
        {
            records = [];
            await foreach (var record in world.Records.QueryAsync(SpsCommerceX3Flows.OrdersName, null, CancellationToken.None))
            {
                records.Add(record);
            }

            if (records.All(record => record.StatusValue is RecordStatus.Rejected or RecordStatus.Written or RecordStatus.Failed))
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTimeOffset.UtcNow < deadline);

        return [.. files.Select(file => Result(file.Value, file.Key, records))];
    }

    private static CaseResult Result(CorpusCase corpusCase, string fileName, IReadOnlyList<RecordEntity> records)
    {
        var mine = records.Where(record => record.SourceKey.StartsWith("file~out/PO/" + fileName, StringComparison.Ordinal) || record.SourceKey.EndsWith("~" + fileName, StringComparison.Ordinal)
            || record.SourceKey.Contains("~" + fileName + "#", StringComparison.Ordinal)).ToList();
        return PolledFlowRun.Result(corpusCase, mine);
    }

    private static byte[] Content(CorpusCase corpusCase, JsonNode template)
    {
        if (corpusCase.Text("contentBase64") is { } encoded)
        {
            return Convert.FromBase64String(encoded);
        }

        if (corpusCase.Text("content") is { } text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var spec = corpusCase.Input.GetProperty("order");
        var order = template.DeepClone();
        order["Header"]!["OrderHeader"]!["PurchaseOrderNumber"] = "CRP" + corpusCase.Name[..3];
        if (spec.TryGetProperty("set", out var edits))
        {
            JsonPointerEdits.Apply(order, edits);
        }

        if (spec.TryGetProperty("longNote", out var length))
        {
            order["Header"]!["Notes"] = new JsonArray(new JsonObject { ["NoteCode"] = "GEN", ["Note"] = new string('N', length.GetInt32()) });
        }

        JsonNode root = order;
        if (spec.TryGetProperty("second", out var second))
        {
            var other = template.DeepClone();
            other["Header"]!["OrderHeader"]!["PurchaseOrderNumber"] = "CRP" + corpusCase.Name[..3] + "B";
            JsonPointerEdits.Apply(other, second.GetProperty("set"));
            root = new JsonArray(order, other);
        }
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        return spec.TryGetProperty("bom", out var bom) && bom.GetBoolean() ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }
}
