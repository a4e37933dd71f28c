using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>Reads node properties off stored X3 records: scalar values, references to other records, and filters over them.</summary>
internal static class X3Records
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "_eq", "_ne", "_lt", "_lte", "_gt", "_gte", "_in", "_nin" };

    /// <summary>A scalar property's value as X3 shows it (yes/no menus as booleans).</summary>
    public static JsonNode? Value(JsonObject record, X3Property property)
    {
        var stored = record[property.Field];
        if (stored is null)
        {
            return null;
        }

        return property.Kind == X3PropertyKind.YesNo ? JsonValue.Create(stored.ToString() == "2") : stored.DeepClone();
    }

    /// <summary>
    /// The record a reference points at: the stored record of the target class (a bare one holding the key when the
    /// folder lacks it), the purchase order line a receipt line names, or a value type's code.
    /// </summary>
    public static JsonObject? Reference(X3Folder folder, JsonObject record, X3Property property)
    {
        var code = record[property.Field]?.ToString();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var target = X3Nodes.Type(property.Type);
        if (target.TypeName == "PurchaseOrderLine")
        {
            var order = record["POHNUM"]?.ToString() is { Length: > 0 } number ? folder.Find("PORDER", number) : null;
            return (order?[X3Folder.LinesKey] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(line => line["POPLIN"]?.ToString() == code && (record["POQSEQ"] is null || line["POQSEQ"]?.ToString() == record["POQSEQ"]!.ToString()));
        }

        if (target.ClassName is null)
        {
            return new JsonObject { [X3NodeDeclarations.CodeField] = code };
        }

        var key = X3Catalog.FindClass(target.ClassName)!.KeyField;
        return folder.Find(target.ClassName, code) ?? new JsonObject { [key] = code };
    }

    public static bool Matches(X3Folder folder, X3NodeType type, JsonNode? filter, JsonObject record)
    {
        switch (filter)
        {
            case null:
                return true;
            case JsonArray any:
                return any.Any(f => Matches(folder, type, f, record));
            case JsonObject conditions:
                foreach (var (key, expected) in conditions)
                {
                    var property = type.Property(key) ?? throw new ExecutionError($"Invalid filter: \"{key}\" is not a property of \"{type.TypeName}\".");
                    if (!MatchesProperty(folder, property, expected, record))
                    {
                        return false;
                    }
                }

                return true;
            default:
                throw new ExecutionError("Invalid filter: an object or an array of objects is expected.");
        }
    }

    /// <summary>Sorts by <c>{a: 1, b: {_id: -1}}</c>; ties keep the key order.</summary>
    public static IEnumerable<JsonObject> Sort(X3Folder folder, X3NodeType type, JsonObject orderBy, IEnumerable<JsonObject> records)
    {
        var keys = new List<(Func<JsonObject, JsonNode?> Value, bool Descending)>();
        Collect(folder, type, orderBy, r => r, keys);
        IOrderedEnumerable<JsonObject>? sorted = null;
        foreach (var (value, descending) in keys)
        {
            var comparer = Comparer<JsonObject>.Create((a, b) => Compare(value(a), value(b)) ?? 0);
            sorted = sorted is null
                ? descending ? records.OrderByDescending(r => r, comparer) : records.OrderBy(r => r, comparer)
                : descending ? sorted.ThenByDescending(r => r, comparer) : sorted.ThenBy(r => r, comparer);
        }

        return sorted ?? records;
    }

    /// <summary>Compares two values as numbers, timestamps, booleans or text; null when either is empty.</summary>
    public static int? Compare(JsonNode? actual, JsonNode? expected)
    {
        if (actual is null || expected is null)
        {
            return actual is null && expected is null ? 0 : null;
        }

        var left = Normalize(actual.ToString());
        var right = Normalize(expected.ToString());
        if (decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var l) && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var r))
        {
            return l.CompareTo(r);
        }

        if (left.Length >= 10 && right.Length >= 10 && left[4] == '-' && right[4] == '-' &&
            DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ld) &&
            DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rd))
        {
            return ld.CompareTo(rd);
        }

        return string.CompareOrdinal(left, right);
    }

    private static void Collect(X3Folder folder, X3NodeType type, JsonObject orderBy, Func<JsonObject, JsonObject?> reach, List<(Func<JsonObject, JsonNode?>, bool)> keys)
    {
        foreach (var (key, direction) in orderBy)
        {
            var property = type.Property(key) ?? throw new ExecutionError($"Invalid orderBy: \"{key}\" is not a property of \"{type.TypeName}\".");
            if (direction is JsonObject nested && property.Kind == X3PropertyKind.Reference)
            {
                var target = X3Nodes.Type(property.Type);
                Collect(folder, target, nested, r => reach(r) is { } owner ? Reference(folder, owner, property) : null, keys);
            }
            else
            {
                var descending = direction?.ToString() == "-1";
                keys.Add((r => reach(r) is { } owner ? Code(property, owner) : null, descending));
            }
        }
    }

    private static bool MatchesProperty(X3Folder folder, X3Property property, JsonNode? expected, JsonObject record)
    {
        if (property.Kind == X3PropertyKind.Collection)
        {
            throw new ExecutionError($"Invalid filter: this server does not filter on the collection \"{property.Name}\".");
        }

        if (expected is JsonObject nested && !nested.Any(p => Operators.Contains(p.Key)))
        {
            if (property.Kind != X3PropertyKind.Reference)
            {
                throw new ExecutionError($"Invalid filter: \"{property.Name}\" is not a reference.");
            }

            return Reference(folder, record, property) is { } target && Matches(folder, X3Nodes.Type(property.Type), nested, target);
        }

        var actual = Code(property, record);
        if (expected is not JsonObject operations)
        {
            return Compare(actual, expected) == 0;
        }

        foreach (var (op, operand) in operations)
        {
            var order = Compare(actual, operand);
            var matched = op switch
            {
                "_eq" => order == 0,
                "_ne" => order != 0,
                "_lt" => order < 0,
                "_lte" => order <= 0,
                "_gt" => order > 0,
                "_gte" => order >= 0,
                "_in" => operand is JsonArray options && options.Any(o => Compare(actual, o) == 0),
                "_nin" => operand is not JsonArray excluded || !excluded.Any(o => Compare(actual, o) == 0),
                _ => throw new ExecutionError($"Invalid filter: unknown operator \"{op}\"."),
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A scalar's value, or for a reference the code it holds (<c>{orderFromSupplier: 'S0001'}</c>).</summary>
    private static JsonNode? Code(X3Property property, JsonObject record) =>
        property.Kind == X3PropertyKind.Reference ? record[property.Field]?.DeepClone() : Value(record, property);

    /// <summary>X3 filters write yes/no menus as 'yes'/'no' (Sage's <c>isClosed: {_ne: 'yes'}</c>) or as booleans.</summary>
    private static string Normalize(string text) => text switch
    {
        "yes" or "True" or "true" => "true",
        "no" or "False" or "false" => "false",
        _ => text,
    };
}
