using System.Text.RegularExpressions;
using MlConnector.Pipeline.Mapping;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// One reason many records share: "missing vendor-supplier row 199" for forty orders of vendor 199, or the reason's
/// text with the record's own key taken out. The console groups rejects by it, and the rejected-records metric
/// carries it as the <c>reason</c> dimension, so an alert fires once per new reason rather than once per record.
/// </summary>
public static partial class RejectReason
{
    /// <summary>Long enough to tell reasons apart; short enough for a metric dimension and a table key.</summary>
    private const int MaxChars = 160;

    public static string GroupKey(string sourceKey, string? reason, IReadOnlyList<MissingMapping> missing)
    {
        if (missing.Count > 0)
        {
            return Shorten("missing mapping: " + string.Join("; ", missing.Select(miss => $"{miss.Table} {miss.Source}")));
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "(no reason recorded)" : reason.Trim();
        if (sourceKey.Length > 0)
        {
            text = Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(sourceKey)}(?![\w-])", "…", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        // Attempt counters make every retry look new ("write attempt 3 of 5 failed").
        return Shorten(AttemptCounter().Replace(text, "attempt n of"));
    }

    public static string GroupKey(RecordEntity row) => GroupKey(row.SourceKey, row.Reason, MissingMapping.Parse(row.MissingMappings));

    private static string Shorten(string text) => text.Length <= MaxChars ? text : string.Concat(text.AsSpan(0, MaxChars - 1), "…");

    [GeneratedRegex(@"attempt \d+ of", RegexOptions.CultureInvariant)]
    private static partial Regex AttemptCounter();
}
