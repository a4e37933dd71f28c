using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlConnector.Simulators.Stedi.Model;

namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// Stedi Guide JSON (<c>heading</c> / <c>detail</c> / <c>summary</c>) checked against the transaction setting's guide and
/// turned into X12 segments. A guide is either a customer's guide JSON Schema (every key must be one of its properties,
/// with its types, codes, lengths and <c>multipleOf</c>) or the plain release (segment and element names of
/// <see cref="ReleaseDictionary"/>, any qualifier suffix). Numbers are real decimals in the JSON; an element of X12 type
/// Nn (the schema's <c>multipleOf</c> 10^-n, or the release's type) is written with its implied decimals (TDS01 N2:
/// 69.09 is <c>6909</c>), as Stedi's changelog "EDI Core number conversions" describes.
/// </summary>
internal static partial class GuideJson
{
    private static readonly string[] Sections = ["heading", "detail", "summary"];

    /// <summary>What the guide refuses, as JSON pointers with the reason.</summary>
    public static List<string> Validate(JsonObject transaction, SimTransactionSetting setting)
    {
        var errors = new List<string>();
        foreach (var (name, _) in transaction)
        {
            if (!Sections.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"/{name}: unknown property; a transaction has heading, detail and summary");
            }
        }

        if (setting.GuideSchema is { } schema)
        {
            new SchemaCheck(schema, errors).Object(transaction, schema, string.Empty);
        }
        else
        {
            foreach (var section in Sections)
            {
                if (transaction[section] is JsonObject body)
                {
                    CheckNames(body, "/" + section, setting.Release, errors);
                }
            }
        }

        switch (setting.TransactionSetId)
        {
            case "850":
                Require(transaction, "heading", "BEG", [1, 2, 3, 5], errors);
                RequireLoop(transaction, "detail", "PO1", [2, 3], errors);
                break;
            case "810":
                Require(transaction, "heading", "BIG", [1, 2], errors);
                Require(transaction, "summary", "TDS", [1], errors);
                break;
        }

        return errors;
    }

    /// <summary>
    /// The segments in document order (ST and SE excluded: the writer adds them), each as its id and rendered elements;
    /// values containing a delimiter are errors unless <paramref name="repair"/> (Stedi's
    /// <c>replaceStediCanonicalDelimitersConflicts</c>) replaces them.
    /// </summary>
    public static List<string[]> Segments(JsonObject transaction, SimTransactionSetting setting, Delimiters delimiters, bool repair, List<string> errors)
    {
        var segments = new List<string[]>();
        var schema = setting.GuideSchema is { } root ? new SchemaCheck(root, errors) : null;
        foreach (var section in Sections)
        {
            if (transaction[section] is JsonObject body)
            {
                Walk(body, schema?.Property(setting.GuideSchema!, section), "/" + section, schema, delimiters, repair, segments, errors);
            }
        }

        return segments;
    }

    private static void Walk(JsonObject node, JsonObject? schema, string path, SchemaCheck? check, Delimiters delimiters, bool repair, List<string[]> segments, List<string> errors)
    {
        foreach (var (key, value) in node)
        {
            var parsed = GuideKey.Read(key);
            if (parsed is null)
            {
                continue;
            }

            var memberSchema = check?.Property(schema, key) is { } member ? check.ItemsOrSelf(member) : null;
            var occurrences = value is JsonArray array ? array.OfType<JsonObject>().ToList() : value is JsonObject single ? [single] : [];
            for (var i = 0; i < occurrences.Count; i++)
            {
                var at = value is JsonArray ? $"{path}/{key}/{i}" : $"{path}/{key}";
                if (parsed.Loop)
                {
                    Walk(occurrences[i], memberSchema, at, check, delimiters, repair, segments, errors);
                }
                else if (parsed.Id is not ("ST" or "SE"))
                {
                    segments.Add(Segment(parsed.Id, occurrences[i], memberSchema, at, check, delimiters, repair, errors));
                }
            }
        }
    }

    private static string[] Segment(string id, JsonObject elements, JsonObject? schema, string path, SchemaCheck? check, Delimiters delimiters, bool repair, List<string> errors)
    {
        var positions = new SortedDictionary<int, string>();
        foreach (var (key, value) in elements)
        {
            var position = GuideKey.Position(key);
            var elementSchema = check?.Property(schema, key);
            var decimals = elementSchema is null ? ReleaseDictionary.ImpliedDecimals(id, position) : check!.ImpliedDecimals(elementSchema);
            positions[position] = value is JsonObject composite
                ? string.Join(delimiters.Component, composite.OrderBy(pair => GuideKey.Position(pair.Key)).Select(pair => Text(pair.Value, null, $"{path}/{key}/{pair.Key}", delimiters, repair, errors)))
                : Text(value, decimals, $"{path}/{key}", delimiters, repair, errors);
        }

        var last = positions.Count == 0 ? 0 : positions.Keys.Max();
        var parts = new string[last + 1];
        parts[0] = id;
        for (var i = 1; i <= last; i++)
        {
            parts[i] = positions.GetValueOrDefault(i, string.Empty);
        }

        return parts;
    }

    /// <summary>ISO dates become CCYYMMDD and times HHMM; Nn numbers drop their decimal point; R numbers are written as they are.</summary>
    private static string Text(JsonNode? value, int? impliedDecimals, string path, Delimiters delimiters, bool repair, List<string> errors)
    {
        if (value is not JsonValue scalar)
        {
            return string.Empty;
        }

        if (scalar.GetValueKind() == JsonValueKind.Number || impliedDecimals is not null)
        {
            if (!decimal.TryParse(scalar.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add($"{path}: '{scalar}' is not a number");
                return string.Empty;
            }

            if (impliedDecimals is { } places)
            {
                var scaled = number * (decimal)Math.Pow(10, places);
                if (scaled != decimal.Truncate(scaled))
                {
                    errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} has more decimals than this N{places} element carries");
                }

                return decimal.Truncate(scaled).ToString("0", CultureInfo.InvariantCulture);
            }

            return number.ToString("0.##########", CultureInfo.InvariantCulture);
        }

        var text = scalar.ToString();
        if (IsoDate().IsMatch(text))
        {
            return text.Replace("-", string.Empty, StringComparison.Ordinal);
        }

        if (IsoTime().IsMatch(text))
        {
            return text.Replace(":", string.Empty, StringComparison.Ordinal);
        }

        foreach (var (delimiter, role) in delimiters.All)
        {
            if (!text.Contains(delimiter, StringComparison.Ordinal))
            {
                continue;
            }

            if (!repair)
            {
                errors.Add($"{path}: the value contains '{delimiter}', the interchange's {role}; remove it or set repairOptions.replaceStediCanonicalDelimitersConflicts");
                return text;
            }

            // Stedi's replacement character for delimiter conflicts, as its X12 delimiter normalization writes them (O*CONNOR -> O|CONNOR).
            text = text.Replace(delimiter, '|');
        }

        return text;
    }

    private static void CheckNames(JsonObject node, string path, string release, List<string> errors)
    {
        foreach (var (key, value) in node)
        {
            var parsed = GuideKey.Read(key);
            if (parsed is null)
            {
                errors.Add($"{path}/{key}: not a segment or loop key of this guide");
                continue;
            }

            if (ReleaseDictionary.SegmentName(parsed.Id, release) is { } expected && parsed.Name != expected)
            {
                errors.Add($"{path}/{key}: X12 {release} names the {parsed.Id} {(parsed.Loop ? "loop" : "segment")} '{expected}_{parsed.Id}{(parsed.Loop ? "_loop" : string.Empty)}'");
                continue;
            }

            if (parsed.Loop && value is not JsonArray)
            {
                errors.Add($"{path}/{key}: a loop must be an array");
                continue;
            }

            var occurrences = value is JsonArray array ? array.OfType<JsonObject>().ToList() : value is JsonObject single ? [single] : [];
            for (var i = 0; i < occurrences.Count; i++)
            {
                var at = value is JsonArray ? $"{path}/{key}/{i}" : $"{path}/{key}";
                if (parsed.Loop)
                {
                    CheckNames(occurrences[i], at, release, errors);
                    continue;
                }

                foreach (var (element, _) in occurrences[i])
                {
                    var position = GuideKey.Position(element);
                    if (position == 0)
                    {
                        errors.Add($"{at}/{element}: not an element of this segment");
                    }
                    else if (ReleaseDictionary.ElementName(parsed.Id, position, release) is { } name && GuideKey.ElementName(element) != name)
                    {
                        errors.Add($"{at}/{element}: X12 {release} names {parsed.Id}{position:00} '{name}_{position:00}'");
                    }
                }
            }
        }
    }

    private static void Require(JsonObject transaction, string section, string id, int[] positions, List<string> errors)
    {
        var found = Find(transaction[section] as JsonObject, id, loop: false).FirstOrDefault();
        if (found is null)
        {
            errors.Add($"/{section}: the {id} segment is required");
            return;
        }

        foreach (var position in positions.Where(p => !found.Any(e => GuideKey.Position(e.Key) == p && e.Value?.ToString() is { Length: > 0 })))
        {
            errors.Add($"/{section}: {id}{position:00} is required");
        }
    }

    private static void RequireLoop(JsonObject transaction, string section, string id, int[] positions, List<string> errors)
    {
        var loops = Find(transaction[section] as JsonObject, id, loop: true).ToList();
        if (loops.Count == 0)
        {
            errors.Add($"/{section}: at least one {id} loop is required");
            return;
        }

        for (var i = 0; i < loops.Count; i++)
        {
            var segment = Find(loops[i], id, loop: false).FirstOrDefault();
            foreach (var position in positions.Where(p => segment?.Any(e => GuideKey.Position(e.Key) == p) != true))
            {
                errors.Add($"/{section}: {id} loop {i}: {id}{position:00} is required");
            }
        }
    }

    private static IEnumerable<JsonObject> Find(JsonObject? node, string id, bool loop) =>
        node is null ? [] : node.Where(pair => GuideKey.Read(pair.Key) is { } key && key.Id == id && key.Loop == loop)
            .SelectMany(pair => pair.Value is JsonArray array ? array.OfType<JsonObject>() : pair.Value is JsonObject single ? [single] : []);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$")]
    private static partial Regex IsoTime();
}

/// <summary>The interchange's delimiters; the repetition separator exists from 00402 on (ISA11 is the code U before).</summary>
internal sealed record Delimiters(char Element, char Component, char Segment, char? Repetition)
{
    public static Delimiters For(string release) => new('*', '>', '~', ReleaseDictionary.Is5010(release) ? '^' : null);

    public IEnumerable<(char Character, string Role)> All =>
        new (char?, string)[] { (Element, "element separator"), (Component, "component separator"), (Segment, "segment terminator"), (Repetition, "repetition separator") }
            .Where(d => d.Item1 is not null).Select(d => (d.Item1!.Value, d.Item2));
}
