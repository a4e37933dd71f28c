using System.Globalization;
using System.Text.Json;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// Lenient readers for Procurify payloads, whose ids and amounts arrive as numbers or strings and whose
/// references arrive as an object or a bare id depending on the endpoint and API version.
/// </summary>
public static class ProcurifyJson
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
            ? value
            : null;

    /// <summary>A string, number or boolean as text; null when absent, null or blank.</summary>
    public static string? Text(this JsonElement element, string name) => AsText(element.Property(name));

    public static string? AsText(JsonElement? value)
    {
        if (value is not { } present)
        {
            return null;
        }

        var text = present.ValueKind switch
        {
            JsonValueKind.String => present.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => present.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The first of <paramref name="names"/> that has a value.</summary>
    public static string? FirstText(this JsonElement element, params string[] names) =>
        names.Select(name => Text(element, name)).FirstOrDefault(text => text is not null);

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.Text(name) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(this JsonElement element, string name) =>
        element.Text(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An ISO date or date-time; a value without an offset is taken as UTC.</summary>
    public static DateTimeOffset? Timestamp(this JsonElement element, string name) => ParseTimestamp(element.Text(name));

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>The calendar date of a date or date-time value as Procurify wrote it (no time-zone shift).</summary>
    public static DateOnly? Date(this JsonElement element, string name)
    {
        var text = element.Text(name);
        if (text is null)
        {
            return null;
        }

        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>A nested object's id, or the bare id when the reference is not expanded.</summary>
    public static string? ReferenceId(this JsonElement element, string name) =>
        element.Property(name) is { } reference
            ? reference.ValueKind == JsonValueKind.Object ? reference.Text("id") : AsText(reference)
            : null;
}
