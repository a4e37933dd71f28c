using System.Text.Json;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// `mlc` command lines as an operator types them, run by the built executable: a mistake must end with a non-zero exit
/// and an error naming it, never a stack trace or an "unexpected error". In <c>args</c>, <c>{settings}</c> is the
/// corpus's own local.settings.json, <c>{dir}</c> a scratch folder holding the case's <c>files</c> (name -> text).
/// </summary>
internal static class CliCases
{
    public const string Intake = "cli-arguments";

    public static async Task<CaseResult> RunAsync(ReliabilityWorld world, CorpusCase corpusCase)
    {
        var folder = ScratchFolder(world, corpusCase);
        var arguments = corpusCase.Input.GetProperty("args").EnumerateArray().Select(arg => Expand(arg.GetString()!, world, folder)).ToList();
        var outcome = await MlcCommand.RunAsync(arguments, folder, TimeSpan.FromSeconds(90), startedMarker: "listening on", stillRunningAfter: TimeSpan.FromSeconds(5));
        return Judge(corpusCase, outcome);
    }

    /// <summary>A folder of the case's own, holding the files it names.</summary>
    public static string ScratchFolder(ReliabilityWorld world, CorpusCase corpusCase)
    {
        var folder = Path.Combine(world.Folder, "cases", corpusCase.Intake, corpusCase.Name);
        Directory.CreateDirectory(folder);
        if (corpusCase.Input.TryGetProperty("files", out var files))
        {
            foreach (var file in files.EnumerateObject())
            {
                File.WriteAllText(Path.Combine(folder, file.Name), file.Value.ValueKind == JsonValueKind.String ? file.Value.GetString() : file.Value.GetRawText());
            }
        }

        return folder;
    }

    public static string Expand(string argument, ReliabilityWorld world, string folder) =>
        argument.Replace("{settings}", world.SettingsFile, StringComparison.Ordinal).Replace("{dir}", folder, StringComparison.Ordinal);

    /// <summary>
    /// refused: ended non-zero with a one-line error (no stack trace, not the CLI's "unexpected error"); accepted: exit 0;
    /// started: a long-running command still up (what a refusal must not be); crashed: a stack trace or an unexpected error.
    /// </summary>
    public static CaseResult Judge(CorpusCase corpusCase, MlcOutcome outcome)
    {
        var said = outcome.Complaint is { Length: > 0 } complaint ? complaint : outcome.Output.Trim();
        var kind = outcome switch
        {
            { ShowsStackTrace: true } => "crashed",
            { Output: var text } when text.Contains("unexpected error", StringComparison.Ordinal) => "crashed",
            { ExitCode: null } => "started",
            { ExitCode: 0 } => "accepted",
            _ => "refused",
        };
        var exit = outcome.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        return new CaseResult(corpusCase, kind, null, $"exit {exit}: {(kind is "accepted" or "started" ? outcome.Output.Trim() : said)}");
    }
}
