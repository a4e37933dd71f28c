using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3.Reading;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// What an update must send, given the record as X3 has it: the header fields whose value differs, and the lines by
/// identity (<c>$uuid</c> on api1, <c>_id</c> on GraphQL): a changed line with its identity and only the changed
/// fields, a new line without one, a line X3 has but the source dropped marked for deletion. Resending whole lines
/// without their identity would add them again.
/// </summary>
internal static class X3LineChanges
{
    /// <summary>Marks a line the source no longer has.</summary>
    public const string DeleteMarker = "$delete";

    public static JsonObject Diff(X3EntityInfo info, SageX3Options settings, JsonObject current, JsonObject desired)
    {
        var changes = new JsonObject();
        var linesProperty = info.LinesProperty(settings);
        foreach (var (field, value) in desired)
        {
            // A value the source leaves empty keeps X3's (a default X3 filled in), never clears it.
            if (field != linesProperty && field != info.KeyField && value is not null && !Same(current[field], value))
            {
                changes[field] = value.DeepClone();
            }
        }

        if (linesProperty is null || info.LineKeyField is not { } lineKey || desired[linesProperty] is not JsonArray wanted)
        {
            return changes;
        }

        var existing = X3Row.Lines(current, linesProperty).ToList();
        var lines = new JsonArray();
        foreach (var line in wanted.OfType<JsonObject>())
        {
            var match = existing.FirstOrDefault(e => Same(e[lineKey], line[lineKey]));
            if (match is null)
            {
                lines.Add(line.DeepClone());
                continue;
            }

            var changed = new JsonObject();
            foreach (var (field, value) in line)
            {
                if (value is not null && !Same(match[field], value))
                {
                    changed[field] = value.DeepClone();
                }
            }

            if (changed.Count > 0)
            {
                changed[X3EntityInfo.LineIdentity] = Identity(info, match, lineKey);
                changed[lineKey] = line[lineKey]?.DeepClone();
                lines.Add(changed);
            }
        }

        foreach (var dropped in existing.Where(e => !wanted.OfType<JsonObject>().Any(w => Same(w[lineKey], e[lineKey]))))
        {
            lines.Add(new JsonObject { [X3EntityInfo.LineIdentity] = Identity(info, dropped, lineKey), [lineKey] = dropped[lineKey]?.DeepClone(), [DeleteMarker] = true });
        }

        if (lines.Count > 0)
        {
            changes[linesProperty] = lines;
        }

        return changes;
    }

    private static string Identity(X3EntityInfo info, JsonObject line, string lineKey) =>
        X3Row.Text(line, X3EntityInfo.LineIdentity)
        ?? throw new SageX3ConfigurationException($"X3 returned line {X3Row.Text(line, lineKey)} of {info.ClassName} without its identity ($uuid / _id), so it cannot be updated in place.");

    /// <summary>Equal as X3 would store them: numbers by value (24.5 = 24.50), the rest as text.</summary>
    private static bool Same(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        var a = left.ToString();
        var b = right.ToString();
        return decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x == y
            : string.Equals(a, b, StringComparison.Ordinal);
    }
}
