using System.Globalization;
using MlConnector.ReliabilityTests.BadInput;
using MlConnector.ReliabilityTests.Support;
using Xunit.Abstractions;

namespace MlConnector.ReliabilityTests;

/// <summary>
/// The bad-input corpus (Corpus/, one folder per intake, one file per case with its expected outcome): every case is
/// fed to its intake (webhooks over HTTP to a running `mlc run`, SPS files polled from the SPS simulator and mapped by
/// it, Procurify and JAGGAER purchase orders polled through their real sources with malformed fields, canonical documents to the map stage's validation, mapping imports to Azurite, command lines, guide imports and
/// settings to the built `mlc`) and must end as the file says: never a 5xx, never admitted when forged, never written
/// when invalid. A failure names each case that did not.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class BadInputCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_case_of_the_bad_input_corpus_ends_as_its_file_expects()
    {
        var cases = CorpusCase.LoadAll();
        Assert.True(cases.Count >= 200, $"the corpus holds {cases.Count} cases; at least 200 are expected");

        await using var world = await ReliabilityWorld.StartAsync(new Dictionary<string, string>(), new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var runtime = await world.StartRuntimeAsync();
        var webhooks = new WebhookCases(world, runtime);
        webhooks.SeedX3();

        var results = new List<CaseResult>();
        var spsFiles = new SpsFileCases(world);
        var procurifyOrders = new ProcurifyOrderCases(world);
        var jaggaerOrders = new JaggaerOrderCases(world);
        foreach (var corpusCase in cases)
        {
            switch (corpusCase.Intake)
            {
                case SpsFileCases.Intake:
                    spsFiles.Add(corpusCase);
                    break;
                case ProcurifyOrderCases.Intake:
                    procurifyOrders.Add(corpusCase);
                    break;
                case JaggaerOrderCases.Intake:
                    jaggaerOrders.Add(corpusCase);
                    break;
                case CliCases.Intake:
                    results.Add(await CliCases.RunAsync(world, corpusCase));
                    break;
                case StediGuideCases.Intake:
                    results.Add(await StediGuideCases.RunAsync(world, corpusCase));
                    break;
                case SettingsCases.Intake:
                    results.Add(await SettingsCases.RunAsync(world, corpusCase));
                    break;
                case WebhookCases.AdobeIntake or WebhookCases.StediIntake:
                    if (await webhooks.PostAsync(corpusCase) is { } answered)
                    {
                        results.Add(answered);
                    }

                    break;
                case MappingCsvCases.Intake:
                    results.Add(await MappingCsvCases.RunAsync(world, corpusCase));
                    break;
                case var intake when intake.StartsWith(CanonicalDocumentCases.Prefix, StringComparison.Ordinal):
                    results.Add(CanonicalDocumentCases.Run(world, corpusCase));
                    break;
                default:
                    throw new InvalidDataException($"{corpusCase.Id}: no runner for intake '{corpusCase.Intake}'");
            }
        }

        results.AddRange(await spsFiles.RunAsync(TimeSpan.FromSeconds(90)));
        results.AddRange(await procurifyOrders.RunAsync(TimeSpan.FromSeconds(90)));
        results.AddRange(await jaggaerOrders.RunAsync(TimeSpan.FromSeconds(90)));
        results.AddRange(await webhooks.FinishAsync(TimeSpan.FromSeconds(90)));
        var poisoned = await world.Storage.MapPoisonQueue.GetPropertiesAsync() is { Value.ApproximateMessagesCount: var map } ? map : 0;
        poisoned += (await world.Storage.WritePoisonQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        var headline = Headline(cases, results, poisoned);
        Figures.Record(headline);
        Figures.Write("corpus-results.txt", results.OrderBy(result => result.Case.Id, StringComparer.Ordinal).Select(Line));
        output.WriteLine(headline);
        var failures = results.Where(result => result.Failure is not null).Select(result => $"{result.Case.Id}: {result.Failure}").ToList();
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(cases.Count, results.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} corpus cases did not end as expected:\n{string.Join('\n', failures)}");
        Assert.Equal(0, poisoned);
        await SecretScan.AssertCleanAsync(world, "bad-input corpus");
    }

    /// <summary>How one case ended, for .data/reliability/corpus-results.txt: id, outcome, status, the reason's start.</summary>
    private static string Line(CaseResult result)
    {
        var reason = result.Case.Outcome == "ignored" ? result.Case.Reason : result.Reason.ReplaceLineEndings(" ");
        return $"{(result.Failure is null ? "ok  " : "FAIL")} {result.Case.Id}: {result.Outcome}{(result.Status is { } status ? $" {status}" : string.Empty)} {(reason.Length > 160 ? reason[..160] + "..." : reason)}";
    }

    private static string Headline(IReadOnlyList<CorpusCase> cases, IReadOnlyList<CaseResult> results, int poisoned)
    {
        var byOutcome = string.Join(", ", results.GroupBy(result => result.Outcome).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}"));
        var statuses = string.Join(", ", results.Where(result => result.Status is not null and not 200).GroupBy(result => result.Status).OrderBy(group => group.Key).Select(group => $"{group.Key} x{group.Count()}"));
        var matched = results.Count(result => result.Failure is null);
        return string.Create(CultureInfo.InvariantCulture,
            $"bad-input corpus: {cases.Count} cases over {cases.Select(c => c.Intake).Distinct().Count()} intakes, {matched} as expected; outcomes: {byOutcome}; refusals by status: {statuses}; 5xx {results.Count(result => result.Status >= 500)}; poison {poisoned}");
    }
}
