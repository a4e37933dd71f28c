using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Connectors.SpsCommerce.Rsx;

/// <summary>Tolerant reads of RSX nodes: numbers written as text (RSX XML), a single object where RSX JSON has an array.</summary>
internal static class RsxNode
{
    public static JsonNode? At(this JsonNode? node, params string[] names)
    {
        foreach (var name in names)
        {
            node = node is JsonObject obj ? obj[name] : null;
        }

        return node;
    }

    public static IReadOnlyList<JsonObject> Items(this JsonNode? node, string name) => node.At(name) switch
    {
        JsonArray array => array.OfType<JsonObject>().ToList(),
        JsonObject single => [single],
        _ => [],
    };

    public static string? Text(this JsonNode? node, string name) =>
        node.At(name) is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    public static decimal? Number(this JsonNode? node, string name) => node.At(name) switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String &&
            decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static int? Whole(this JsonNode? node, string name) => node.Number(name) is { } number && number == decimal.Truncate(number) ? (int)number : null;

    public static DateOnly? Date(this JsonNode? node, string name) =>
        node.Text(name) is { } text && DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static bool? Flag(this JsonNode? node, string name) => node.At(name) switch
    {
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
        _ => null,
    };
}
