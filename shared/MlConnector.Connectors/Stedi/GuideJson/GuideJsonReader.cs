using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// Reads Guide JSON by X12 identity rather than by exact key: a segment is found by its id whatever release names
/// it and whatever qualifier suffix a guide gives it, so <c>name_N1_loop</c>, <c>party_identification_N1_loop</c> and
/// <c>party_identification_N1_loop_ship_to</c> all read as N1 loops.
/// </summary>
public static class GuideJsonReader
{
    /// <summary>Every occurrence of segment <paramref name="id"/> directly in <paramref name="node"/> (arrays flattened).</summary>
    public static IEnumerable<JsonObject> Segments(JsonNode? node, string id) => Members(node, id, loop: false);

    /// <summary>Every iteration of the <paramref name="id"/> loops directly in <paramref name="node"/>, in document order.</summary>
    public static IEnumerable<JsonObject> Loops(JsonNode? node, string id) => Members(node, id, loop: true);

    /// <summary>The first occurrence of segment <paramref name="id"/> in <paramref name="node"/>, or null.</summary>
    public static JsonObject? Segment(JsonNode? node, string id) => Segments(node, id).FirstOrDefault();

    /// <summary>The text of the element at <paramref name="position"/> (numbers as written), or null when absent or empty.</summary>
    public static string? Element(JsonObject? segment, int position)
    {
        if (segment is null)
        {
            return null;
        }

        foreach (var (key, value) in segment)
        {
            if (X12Key.ElementPosition(key) == position && value is JsonValue scalar && scalar.ToString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    public static decimal? Decimal(JsonObject? segment, int position) =>
        decimal.TryParse(Element(segment, position), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The qualifier/id pairs from <paramref name="firstQualifier"/> on (PO106/PO107, LIN02/LIN03…), ids present.</summary>
    public static IReadOnlyList<(string? Qualifier, string Id)> IdentifierPairs(JsonObject? segment, int firstQualifier)
    {
        var pairs = new List<(string?, string)>();
        for (var position = firstQualifier; position < 99; position += 2)
        {
            if (Element(segment, position + 1) is { } id)
            {
                pairs.Add((Element(segment, position), id));
            }
            else if (Element(segment, position) is null && Element(segment, position + 2) is null && Element(segment, position + 3) is null)
            {
                break;
            }
        }

        return pairs;
    }

    private static IEnumerable<JsonObject> Members(JsonNode? node, string id, bool loop)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var (key, value) in obj)
        {
            if (X12Key.Parse(key) is not { } parsed || parsed.SegmentId != id || parsed.IsLoop != loop)
            {
                continue;
            }

            switch (value)
            {
                case JsonArray array:
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        yield return item;
                    }

                    break;
                case JsonObject single:
                    yield return single;
                    break;
            }
        }
    }
}
