using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// The newest history entries live on the record row itself, one property per entry, named by time, stage and
/// attempt so a merge adds an entry without reading or overwriting another. The status change and its lineage
/// therefore travel in one single-entity request; a transaction with a separate history row costs the store about
/// three times as much. Reads move long inline histories out to archive rows (<see cref="RecordStore"/>).
/// </summary>
public static class InlineHistory
{
    public const string PropertyPrefix = "H_";

    /// <summary>A history entry keeps the start of a long reason; the row's Reason property keeps all of it.</summary>
    private const int ReasonChars = 2_000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string PropertyName(HistoryEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{PropertyPrefix}{entry.At.UtcTicks:D19}_{Identifier(entry.Stage)}_{entry.Attempt}");

    public static string Serialize(HistoryEntry entry) =>
        JsonSerializer.Serialize(entry with { Reason = Shorten(entry.Reason) }, JsonOptions);

    public static bool IsEntry(string propertyName) => propertyName.StartsWith(PropertyPrefix, StringComparison.Ordinal);

    /// <summary>The row's inline entries, oldest first, each with the property that holds it.</summary>
    public static IReadOnlyList<(string Property, HistoryEntry Entry)> Read(TableEntity row) =>
        row.Keys
            .Where(IsEntry)
            .Order(StringComparer.Ordinal)
            .Select(name => (name, JsonSerializer.Deserialize<HistoryEntry>(row.GetString(name), JsonOptions)
                ?? throw new InvalidDataException($"History property {name} of {row.RowKey} is empty.")))
            .ToList();

    public static int Count(TableEntity row) => row.Keys.Count(IsEntry);

    /// <summary>Property names allow letters, digits and '_' only; stage names are ours, but stay safe.</summary>
    private static string Identifier(string stage)
    {
        var builder = new StringBuilder(stage.Length);
        foreach (var c in stage)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private static string? Shorten(string? reason) =>
        reason is { Length: > ReasonChars } ? string.Concat(reason.AsSpan(0, ReasonChars), "…") : reason;
}
