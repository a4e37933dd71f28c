using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlConnector.Pipeline.Mapping;

/// <summary>
/// A mapping row a mapper looked for and did not find: the table and the source value. Kept on a rejected record
/// so the console can offer to add that very row, and so forty rejects for one missing vendor count as one reason.
/// </summary>
public sealed partial record MissingMapping(string Table, string Source)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public override string ToString() => $"{Table} {Source}";

    /// <summary>
    /// The misses that explain a rejection: those whose source value the reason names (a miss the mapper recovered
    /// from, like a GL account used as is, is left out). None when the reason names none of them.
    /// </summary>
    public static IReadOnlyList<MissingMapping> Relevant(IEnumerable<MissingMapping> misses, string reason) =>
        misses
            .Distinct()
            .Where(miss => miss.Source.Length > 0 && Regex.IsMatch(reason, $@"(?<![\w-]){Regex.Escape(miss.Source)}(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .OrderBy(miss => miss.Table, StringComparer.Ordinal)
            .ThenBy(miss => miss.Source, StringComparer.Ordinal)
            .ToList();

    public static string Serialize(IReadOnlyList<MissingMapping> misses) => misses.Count == 0 ? string.Empty : JsonSerializer.Serialize(misses, JsonOptions);

    public static IReadOnlyList<MissingMapping> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize<List<MissingMapping>>(stored, JsonOptions) ?? [];
}
