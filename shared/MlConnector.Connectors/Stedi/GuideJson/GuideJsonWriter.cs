using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>What came of naming a document with a guide: the Guide JSON, or the problems that keep it from being sent.</summary>
public sealed record GuideJsonResult(JsonObject Json, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Names an <see cref="X12Document"/> with a guide: every loop, segment and element gets the key the guide gives its
/// X12 identity, each value the JSON type the guide declares (amounts and quantities stay decimals: Stedi applies an
/// element's implied decimals itself when it writes X12, so $69.09 in an N2 TDS01 is 69.09 here and <c>TDS*6909</c> in
/// the interchange). What the guide cannot carry (a required segment it lacks, a code it does not list, a value
/// longer than it allows, a delimiter inside a value) is a problem naming the field, so nothing Stedi would refuse
/// is sent.
/// </summary>
public static class GuideJsonWriter
{
    public static GuideJsonResult Write(X12Document document, IGuide guide, DelimiterPolicy delimiters)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(delimiters);
        var problems = new List<string>();
        var json = new JsonObject();
        foreach (var (name, nodes) in document.Sections)
        {
            if (nodes.Count == 0)
            {
                continue;
            }

            if (guide.Section(name) is not { } section)
            {
                problems.AddRange(nodes.Where(node => !node.Optional).Select(node => $"{guide.Description} has no {name} section for {Describe(node)}"));
                continue;
            }

            var written = Children(section, nodes, name, guide, delimiters, problems);
            if (written.Count > 0)
            {
                json[name] = written;
            }
        }

        return new GuideJsonResult(json, problems);
    }

    private static JsonObject Children(GuidePlace parent, IEnumerable<X12Node> nodes, string path, IGuide guide, DelimiterPolicy delimiters, List<string> problems)
    {
        var result = new JsonObject();
        foreach (var node in nodes)
        {
            if (guide.Child(parent, node) is not { } place)
            {
                if (!node.Optional)
                {
                    problems.Add($"{guide.Description} has no place for {Describe(node)} in {path}");
                }

                continue;
            }

            var value = node switch
            {
                X12Loop loop => Children(place, loop.Children, $"{path}/{place.Key}", guide, delimiters, problems),
                X12Segment segment => Elements(place, segment, guide, delimiters, problems),
                _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
            };
            if (!place.IsArray)
            {
                if (result.ContainsKey(place.Key))
                {
                    problems.Add($"{guide.Description} allows one {place.Key} in {path}, but the document has more ({Describe(node)})");
                    continue;
                }

                result[place.Key] = value;
            }
            else
            {
                if (result[place.Key] is not JsonArray array)
                {
                    result[place.Key] = array = [];
                }

                array.Add(value);
            }
        }

        foreach (var required in guide.Required(parent).Where(key => !result.ContainsKey(key)))
        {
            problems.Add($"{guide.Description} requires {required} in {path}, which ml-connector does not send for this document");
        }

        return result;
    }

    private static JsonObject Elements(GuidePlace place, X12Segment segment, IGuide guide, DelimiterPolicy delimiters, List<string> problems)
    {
        var result = new JsonObject();
        foreach (var (position, element) in segment.Elements)
        {
            var field = $"{segment.SegmentId}{position:00} ({Where(segment)}{element.Meaning})";
            if (guide.Element(place, position) is not { } definition)
            {
                if (!element.Optional)
                {
                    problems.Add($"{guide.Description} has no element {field}");
                }

                continue;
            }

            var value = Convert(element.Value, definition, field, problems);
            if (value is null)
            {
                continue;
            }

            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (definition.Codes is { } codes && !codes.Contains(text, StringComparer.Ordinal))
            {
                problems.Add($"{field} is '{text}', which is not one of the codes {guide.Description} allows ({string.Join(", ", codes)})");
                continue;
            }

            if (definition.MaxLength is { } max && value.GetValueKind() == JsonValueKind.String && text.Length > max)
            {
                problems.Add($"{field} is {text.Length} characters long; {guide.Description} allows {max}");
                continue;
            }

            if (delimiters.Conflict(text) is { } conflict)
            {
                problems.Add($"{field} '{text}' contains '{conflict.Character}', the interchange's {conflict.Role}: change it in X3, or set Stedi__RepairDelimiterConflicts=true to let Stedi replace it");
                continue;
            }

            result[definition.Key] = value;
        }

        return result;
    }

    private static JsonValue? Convert(object value, GuideElement definition, string field, List<string> problems)
    {
        if (value is decimal number)
        {
            if (definition.Decimals is { } places && decimal.Round(number, places, MidpointRounding.AwayFromZero) != number)
            {
                problems.Add($"{field} is {number.ToString(CultureInfo.InvariantCulture)}, which has more decimals than the guide's {places} allow");
                return null;
            }

            var normalized = number / 1.000000000000000000000000000000000m; // drop trailing zeros: 12.50 -> 12.5
            return definition.Kind == JsonValueKind.String
                ? JsonValue.Create(normalized.ToString(CultureInfo.InvariantCulture))
                : JsonValue.Create(normalized);
        }

        var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        if (definition.Kind == JsonValueKind.Number)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                problems.Add($"{field} is '{text}', but the guide wants a number there");
                return null;
            }

            return Convert(parsed, definition, field, problems);
        }

        return JsonValue.Create(text);
    }

    private static string Where(X12Segment segment) => segment.Context.Length == 0 ? string.Empty : segment.Context + ", ";

    private static string Describe(X12Node node)
    {
        var first = node is X12Loop loop ? loop.First : node as X12Segment;
        var qualifier = first?.Value(1) is { } code ? $" {node.SegmentId}01 '{code}'" : string.Empty;
        var kind = node is X12Loop ? $"the {node.SegmentId} loop" : $"the {node.SegmentId} segment";
        return node.Context.Length == 0 ? kind + qualifier : $"{kind}{qualifier} ({node.Context})";
    }
}
