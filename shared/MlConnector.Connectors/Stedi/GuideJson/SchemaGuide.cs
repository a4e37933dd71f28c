using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// A customer's guide as the JSON Schema Stedi lets them download for it: <c>heading</c>/<c>detail</c>/<c>summary</c>
/// objects whose properties are the guide's segment and loop keys (a segment or loop that repeats is an array with
/// <c>items</c>), elements with their <c>type</c>, <c>enum</c> codes, <c>maxLength</c> and, for implied-decimal numbers,
/// <c>multipleOf</c> (N2 = 0.01), and <c>additionalProperties: false</c>. Local <c>$ref</c>s are followed. A guide that
/// splits a segment by qualifier has one property per qualifier (<c>party_identification_N1_loop_ship_to</c> with
/// N101 enum ST): the one whose codes accept our segment is chosen.
/// Shape source: Stedi-Demos/bootstrap-archived src/resources/X12/5010/850/Outbound850Schema.ts, generated from a Stedi
/// guide's JSON Schema (strict objects, qualifier-split REF keys with enum qualifiers, SAC05 as multipleOf 0.01).
/// </summary>
public sealed class SchemaGuide : IGuide
{
    private readonly JsonObject _root;

    private SchemaGuide(JsonObject root, string description)
    {
        _root = root;
        Description = description;
        TransactionSetId = FindTransactionSetId(root);
    }

    public string Description { get; }

    /// <summary>The set the guide is for, from the codes its ST01 allows; null when the schema does not say.</summary>
    public string? TransactionSetId { get; }

    /// <summary>Reads a guide JSON Schema; a file that is not one is a <see cref="FormatException"/> saying why.</summary>
    public static SchemaGuide Parse(string json, string description)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{description} is not JSON ({exception.Message}).", exception);
        }

        if (root?["properties"] is not JsonObject properties || !new[] { "heading", "detail", "summary" }.Any(properties.ContainsKey))
        {
            throw new FormatException($"{description} is not a Stedi guide JSON Schema: it has no properties named heading, detail or summary (download it from the guide's page in Stedi, as JSON Schema).");
        }

        var guide = new SchemaGuide(root, description);
        foreach (var section in new[] { "heading", "detail", "summary" }.Where(properties.ContainsKey))
        {
            if (guide.Resolve(properties[section]) is null)
            {
                throw new FormatException($"{description} is not a Stedi guide JSON Schema: its {section} is not a schema object (only local $refs such as #/definitions/... can be followed).");
            }
        }

        // Every X12 transaction set opens with ST; a guide without it cannot name the document, and the set it is for is unknown.
        if (guide.Section("heading") is not { } heading || guide.Child(heading, new X12Segment("ST")) is null)
        {
            throw new FormatException($"{description} is not a whole Stedi guide JSON Schema: its heading has no transaction set header (ST) segment.");
        }

        return guide;
    }

    public GuidePlace? Section(string name) =>
        Properties(_root)?[name] is JsonNode section ? Place(name, section) : null;

    public GuidePlace? Child(GuidePlace parent, X12Node node)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(node);
        var candidates = new List<GuidePlace>();
        foreach (var (key, value) in Properties((JsonObject)parent.Handle) ?? [])
        {
            if (value is not null && X12Key.Parse(key) is { } parsed && parsed.SegmentId == node.SegmentId && parsed.IsLoop == node is X12Loop)
            {
                candidates.Add(Place(key, value));
            }
        }

        if (candidates.Count <= 1)
        {
            return candidates.FirstOrDefault();
        }

        // Qualifier-split keys: take the one whose codes name our qualifier, else one that does not restrict it.
        var segment = node is X12Loop loop ? loop.First : node as X12Segment;
        var scored = candidates
            .Select(candidate => (Candidate: candidate, Score: Score(candidate, node, segment)))
            .Where(entry => entry.Score >= 0)
            .OrderByDescending(entry => entry.Score)
            .ToList();
        return scored.Count > 0 ? scored[0].Candidate : candidates[0];
    }

    public GuideElement? Element(GuidePlace segment, int position)
    {
        ArgumentNullException.ThrowIfNull(segment);
        foreach (var (key, value) in Properties((JsonObject)segment.Handle) ?? [])
        {
            if (X12Key.ElementPosition(key) != position || Resolve(value) is not { } schema)
            {
                continue;
            }

            var type = TypeOf(schema);
            var codes = schema["enum"] is JsonArray values ? values.Select(v => v?.ToString() ?? string.Empty).ToList()
                : schema["const"] is JsonValue constant ? [constant.ToString()]
                : null;
            int? decimals = schema["multipleOf"] is JsonValue step && decimal.TryParse(step.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var multiple) && multiple > 0
                ? Math.Max(0, (int)Math.Round(-Math.Log10((double)multiple)))
                : null;
            return new GuideElement(key,
                type switch { "string" => JsonValueKind.String, "number" or "integer" => JsonValueKind.Number, _ => null },
                type == "integer",
                type == "integer" ? 0 : decimals,
                codes,
                schema["maxLength"] is JsonValue max && max.TryGetValue<int>(out var length) ? length : null);
        }

        return null;
    }

    public IReadOnlyCollection<string> Required(GuidePlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return ((JsonObject)place.Handle)["required"] is JsonArray required ? required.Select(r => r?.ToString() ?? string.Empty).ToList() : [];
    }

    /// <summary>-1 when a code of the guide refuses one of our values; otherwise how many of our values its codes name.</summary>
    private int Score(GuidePlace candidate, X12Node node, X12Segment? segment)
    {
        if (segment is null)
        {
            return 0;
        }

        var segmentPlace = node is X12Loop
            ? Properties((JsonObject)candidate.Handle)?.Where(p => X12Key.Parse(p.Key) is { IsLoop: false } k && k.SegmentId == node.SegmentId)
                .Select(p => Place(p.Key, p.Value!)).FirstOrDefault()
            : candidate;
        if (segmentPlace is null)
        {
            return -1;
        }

        var score = 0;
        foreach (var (position, element) in segment.Elements)
        {
            if (Element(segmentPlace, position)?.Codes is { } codes)
            {
                if (!codes.Contains(Convert.ToString(element.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal))
                {
                    return -1;
                }

                score++;
            }
        }

        return score;
    }

    private GuidePlace Place(string key, JsonNode value)
    {
        var schema = Resolve(value) ?? new JsonObject();
        var isArray = TypeOf(schema) == "array";
        return new GuidePlace(key, isArray, isArray ? Resolve(schema["items"]) ?? new JsonObject() : schema);
    }

    private JsonObject? Properties(JsonObject? schema) => Resolve(schema)?["properties"] as JsonObject;

    /// <summary>Follows local <c>$ref</c>s (<c>#/definitions/…</c>, <c>#/$defs/…</c>).</summary>
    private JsonObject? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 32 && node is JsonObject obj; hops++)
        {
            if (obj["$ref"] is not JsonValue reference)
            {
                return obj;
            }

            var path = reference.ToString();
            if (!path.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            node = path[2..].Split('/').Aggregate<string, JsonNode?>(_root, (current, part) => Step(current, part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }

        return node as JsonObject;
    }

    /// <summary>One step of a JSON pointer: a property of an object, an index of an array, else nowhere (a reference that leads nowhere).</summary>
    private static JsonNode? Step(JsonNode? current, string part) => current switch
    {
        JsonObject obj => obj[part],
        JsonArray array => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count ? array[index] : null,
        _ => null,
    };

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => single.ToString(),
        JsonArray several => several.Select(t => t?.ToString()).FirstOrDefault(t => t is not "null"),
        _ => schema["items"] is not null ? "array" : schema["properties"] is not null ? "object" : null,
    };

    private string? FindTransactionSetId(JsonObject root)
    {
        var heading = Section("heading");
        if (heading is null)
        {
            return null;
        }

        var st = Child(heading, new X12Segment("ST"));
        return st is null ? null : Element(st, 1)?.Codes is [var only] ? only : null;
    }
}
