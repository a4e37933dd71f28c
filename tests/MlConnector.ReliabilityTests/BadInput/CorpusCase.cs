using System.Text.Json;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// One file of the bad-input corpus (Corpus/&lt;intake&gt;/NNN-name.json): what is fed to one intake and what must come of it.
/// Outcomes: <c>refused</c> (an HTTP status or an error naming the reason, nothing stored), <c>ignored</c> (acknowledged,
/// not admitted), <c>rejected</c> (admitted, then held with the reason before anything reaches X3), <c>written</c> and
/// <c>accepted</c> (controls: valid input goes through, so a harness that refuses everything fails).
/// </summary>
internal sealed record CorpusCase(string Intake, string Name, string Description, JsonElement Input, string Outcome, int? Status, string Reason)
{
    public string Id => $"{Intake}/{Name}";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<CorpusCase> LoadAll() =>
        Directory.GetDirectories(Folder).OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(intake => Directory.GetFiles(intake, "*.json").OrderBy(path => path, StringComparer.Ordinal).Select(file => Load(Path.GetFileName(intake), file)))
            .ToList();

    private static CorpusCase Load(string intake, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        var expect = root.GetProperty("expect");
        return new CorpusCase(
            intake,
            Path.GetFileNameWithoutExtension(file),
            root.GetProperty("description").GetString() ?? string.Empty,
            root.GetProperty("input").Clone(),
            expect.GetProperty("outcome").GetString()!,
            expect.TryGetProperty("status", out var status) ? status.GetInt32() : null,
            expect.TryGetProperty("reason", out var reason) ? reason.GetString() ?? string.Empty : string.Empty);
    }

    public string? Text(string property) => Input.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What one case came to; <see cref="Failure"/> is null when it matched the expectation.</summary>
internal sealed record CaseResult(CorpusCase Case, string Outcome, int? Status, string Reason)
{
    public string? Failure
    {
        get
        {
            if (Status is >= 500)
            {
                return $"answered {Status}: {Reason}";
            }

            if (Outcome != Case.Outcome || (Case.Status is { } status && Status != status))
            {
                return $"expected {Case.Outcome}{(Case.Status is { } s ? $" ({s})" : string.Empty)}, got {Outcome}{(Status is { } got ? $" ({got})" : string.Empty)}: {Reason}";
            }

            return Reason.Contains(Case.Reason, StringComparison.Ordinal) ? null : $"{Outcome} as expected, but the reason '{Reason}' does not say '{Case.Reason}'";
        }
    }
}
