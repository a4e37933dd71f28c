using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Runtime.Azurite;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// Guide JSON Schemas imported as an operator does, `mlc stedi guide import &lt;file&gt; --partnership &lt;id&gt; --set 850|810`,
/// by the built executable. The file is <c>schema</c> (text), <c>schemaBase64</c> (bytes), or <c>base</c> (850 or 810:
/// the project's test guides, tests/MlConnector.Stedi.Tests/Guides) with <c>set</c> edits; <c>partnership</c> and
/// <c>transactionSet</c> default to a partnership of the case's own and the base's set. An accepted import must be stored.
/// </summary>
internal static class StediGuideCases
{
    public const string Intake = "stedi-guide";

    public static async Task<CaseResult> RunAsync(ReliabilityWorld world, CorpusCase corpusCase)
    {
        var folder = CliCases.ScratchFolder(world, corpusCase);
        var file = Path.Combine(folder, corpusCase.Text("fileName") ?? "guide.schema.json");
        await File.WriteAllBytesAsync(file, Schema(corpusCase));
        var partnership = corpusCase.Text("partnership") ?? "crp_" + corpusCase.Name[..3];
        var set = corpusCase.Text("transactionSet") ?? corpusCase.Text("base") ?? "850";
        var outcome = await MlcCommand.RunAsync(["stedi", "guide", "import", file, "--partnership", partnership, "--set", set, "--settings", world.SettingsFile], folder, TimeSpan.FromSeconds(90));
        var result = CliCases.Judge(corpusCase, outcome);
        if (result.Outcome == "accepted")
        {
            var stored = await world.Services.GetRequiredService<IGuideSchemaStore>().ListAsync(CancellationToken.None);
            if (!stored.Contains((partnership, set)))
            {
                return result with { Outcome = "accepted but not stored" };
            }
        }

        return result;
    }

    private static byte[] Schema(CorpusCase corpusCase)
    {
        if (corpusCase.Text("schemaBase64") is { } encoded)
        {
            return Convert.FromBase64String(encoded);
        }

        if (corpusCase.Text("schema") is { } text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var baseSet = corpusCase.Text("base") ?? throw new InvalidDataException($"{corpusCase.Id}: give schema, schemaBase64 or base");
        var root = AzuriteProcess.FindRepositoryRoot() ?? throw new InvalidOperationException("The repository root was not found.");
        var guide = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "tests", "MlConnector.Stedi.Tests", "Guides", $"acme-{baseSet}-5010.schema.json")))!;
        if (corpusCase.Input.TryGetProperty("set", out var edits))
        {
            JsonPointerEdits.Apply(guide, edits);
        }

        return Encoding.UTF8.GetBytes(guide.ToJsonString());
    }
}
