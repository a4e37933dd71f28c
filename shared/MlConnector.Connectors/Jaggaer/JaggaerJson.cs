using System.Globalization;
using System.Text.Json;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Lenient readers for J1P payloads: ids and amounts arrive as numbers or strings, lists are wrapped
/// (<c>lineList.poLine[]</c>), and dates come as ISO (<c>ji</c>) or <c>yyyyMMdd[HHmmss]</c> (<c>ja</c>).
/// </summary>
public static class JaggaerJson
{
    private static readonly string[] CompactFormats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMdd"];

    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
            ? value
            : null;

    /// <summary>Follows a dotted path of object properties, e.g. <c>supplier.supplierNumber</c>.</summary>
    public static JsonElement? At(this JsonElement element, string path)
    {
        JsonElement? current = element;
        foreach (var name in path.Split('.'))
        {
            current = current?.Property(name);
        }

        return current;
    }

    /// <summary>A string, number or boolean at <paramref name="path"/> as trimmed text; null when absent or blank.</summary>
    public static string? Text(this JsonElement element, string path)
    {
        if (element.At(path) is not { } value)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static decimal? Decimal(this JsonElement element, string path) =>
        element.Text(path) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(this JsonElement element, string path) =>
        element.Text(path) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The items of a wrapped list such as <c>lineList.poLine</c>; a single object counts as a list of one.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string path) => element.At(path) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
        { ValueKind: JsonValueKind.Object } single => [single],
        _ => [],
    };

    /// <summary>An ISO date-time, or a compact <c>yyyyMMdd[HHmm[ss]]</c> stamp; either without an offset is UTC.</summary>
    public static DateTimeOffset? Timestamp(this JsonElement element, string path) => ParseTimestamp(element.Text(path));

    public static DateTimeOffset? ParseTimestamp(string? text)
    {
        if (text is null)
        {
            return null;
        }

        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (text.All(char.IsAsciiDigit))
        {
            return DateTimeOffset.TryParseExact(text, CompactFormats, CultureInfo.InvariantCulture, utc, out var compact) ? compact : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, utc, out var value) ? value : null;
    }

    /// <summary>The calendar date of a date or date-time value as JAGGAER wrote it (no time-zone shift).</summary>
    public static DateOnly? Date(this JsonElement element, string path)
    {
        var text = element.Text(path);
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        return text.Length >= 8 && text[..8].All(char.IsAsciiDigit) &&
               DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact)
            ? compact
            : null;
    }
}
