using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>Typed reads of X3 row fields, tolerant of numbers sent as strings and of empty values.</summary>
internal static class X3Row
{
    public static string? Text(JsonObject row, string field) =>
        row[field] is { } value && value.ToString() is { Length: > 0 } text ? text : null;

    public static string Required(JsonObject row, string field) =>
        Text(row, field) ?? throw new SageX3ConfigurationException($"X3 returned a record without {field}; add it to the representation.");

    public static decimal Decimal(JsonObject row, string field) =>
        row[field] is { } value && decimal.TryParse(value.ToString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0m;

    public static int Int(JsonObject row, string field) => (int)Decimal(row, field);

    public static DateOnly? Date(JsonObject row, string field) =>
        Text(row, field) is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static DateTimeOffset? Stamp(JsonObject row) =>
        Text(row, "UPDDATTIM") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
            ? stamp
            : null;

    public static IEnumerable<JsonObject> Lines(JsonObject row, string? property) =>
        property is not null && row[property] is JsonArray lines ? lines.OfType<JsonObject>() : [];
}
