using MlConnector.Pipeline.Mapping;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// Mapping imports as `mlc mappings import` runs them: the whole file is read first (a bad line fails it with its line
/// number), then every row is written to the mapping table on Azurite and read back.
/// </summary>
internal static class MappingCsvCases
{
    public const string Intake = "mapping-csv";

    public static async Task<CaseResult> RunAsync(ReliabilityWorld world, CorpusCase corpusCase)
    {
        IReadOnlyList<MappingEntry> entries;
        try
        {
            entries = MappingCsv.Read(corpusCase.Text("csv")!);
        }
        catch (FormatException refused)
        {
            return new CaseResult(corpusCase, "refused", null, refused.Message);
        }

        try
        {
            foreach (var entry in entries)
            {
                await world.Mappings.SetAsync(entry.Table, entry.Source, entry.Target, CancellationToken.None);
            }
        }
        catch (Azure.RequestFailedException storage)
        {
            // What an import without the up-front checks would meet: a storage error midway, some rows written.
            return new CaseResult(corpusCase, "half-imported", storage.Status, storage.Message);
        }

        foreach (var entry in entries)
        {
            if (await world.Mappings.LookupAsync(entry.Table, entry.Source, CancellationToken.None) != entry.Target)
            {
                return new CaseResult(corpusCase, "lost", null, $"{entry.Table}/{entry.Source} did not read back as {entry.Target}");
            }
        }

        return new CaseResult(corpusCase, "accepted", null, $"{entries.Count} entries imported");
    }
}
