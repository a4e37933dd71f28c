using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>
/// <c>create(data)</c> and <c>update(data)</c> over a folder. An update names the record by <c>data._id</c> and its lines
/// by their <c>_id</c> with <c>_action</c> create / update / delete (Sage's xtrem update examples); a line input without
/// <c>_id</c> is a new line. X3's business rules refuse with an error, as X3 would.
/// </summary>
internal static class X3Mutations
{
    public static JsonObject Create(X3Folder folder, X3NodeType node, Dictionary<string, object?> data)
    {
        var cls = X3Catalog.FindClass(node.ClassName!)!;
        var (header, lines) = ToRow(node, data);
        header.Remove("_action");
        var rows = new JsonArray((lines ?? []).Select(l => (JsonNode)Without(l, "_action")).ToArray());
        return Apply(() =>
        {
            if (cls.Name == "PRECEIPT")
            {
                X3Rules.RequireStockDetails(rows);
            }

            X3Rules.Validate(folder, cls.Name, header, rows);
            header[X3Folder.LinesKey] = rows;
            return folder.Insert(cls, header);
        });
    }

    public static JsonObject Update(X3Folder folder, X3NodeType node, Dictionary<string, object?> data)
    {
        var cls = X3Catalog.FindClass(node.ClassName!)!;
        var (header, lines) = ToRow(node, data);
        var key = header[cls.KeyField]?.ToString() is { Length: > 0 } id ? id : throw new ExecutionError($"{node.TypeName}: update needs data._id.");
        var current = folder.Find(cls.Name, key) ?? throw new ExecutionError($"{node.TypeName} {key}: record does not exist.");
        header.Remove(cls.KeyField);
        header.Remove("_action");
        var newLines = lines is null ? null : ApplyLines(node, (JsonArray)current[X3Folder.LinesKey]!.DeepClone(), lines);
        return Apply(() =>
        {
            var merged = (JsonObject)current.DeepClone();
            foreach (var (field, value) in header)
            {
                merged[field] = value?.DeepClone();
            }

            X3Rules.Validate(folder, cls.Name, merged, newLines ?? (JsonArray)current[X3Folder.LinesKey]!);
            return folder.Update(cls, key, header, newLines)!;
        });
    }

    private static JsonArray ApplyLines(X3NodeType node, JsonArray current, IReadOnlyList<JsonObject> changes)
    {
        foreach (var change in changes)
        {
            var id = change[X3NodeDeclarations.LineIdField]?.ToString();
            var action = change["_action"]?.ToString() ?? (id is null ? "create" : "update");
            var existing = id is null ? null : current.OfType<JsonObject>().FirstOrDefault(l => l[X3NodeDeclarations.LineIdField]?.ToString() == id);
            switch (action)
            {
                case "create":
                    current.Add(Without(change, "_action", X3NodeDeclarations.LineIdField));
                    break;
                case "update" or "delete" when existing is null:
                    throw new ExecutionError($"{node.TypeName}: line {id} does not exist.");
                case "update":
                    foreach (var (field, value) in Without(change, "_action", X3NodeDeclarations.LineIdField))
                    {
                        existing![field] = value?.DeepClone();
                    }

                    break;
                case "delete":
                    current.Remove(existing);
                    break;
                default:
                    throw new ExecutionError($"{node.TypeName}: _action must be create, update or delete (found '{action}').");
            }
        }

        return current;
    }

    /// <summary>An input as an X3 row: scalars by field, yes/no as 1/2, references as their code, lines apart.</summary>
    private static (JsonObject Row, List<JsonObject>? Lines) ToRow(X3NodeType node, IDictionary<string, object?> input)
    {
        var row = new JsonObject();
        List<JsonObject>? lines = null;
        foreach (var (name, value) in input)
        {
            if (name == "_action")
            {
                row["_action"] = value?.ToString();
                continue;
            }

            var property = node.Property(name) ?? throw new ExecutionError($"Field \"{name}\" is not defined by type \"{node.TypeName}_Input\".");
            switch (property.Kind)
            {
                case X3PropertyKind.Collection:
                    lines = Items(value).Select(item => ToRow(X3Nodes.Type(property.Type), item).Row).ToList();
                    break;
                case X3PropertyKind.InputList:
                    row[property.Field] = new JsonArray(Items(value).Select(item => (JsonNode)ToRow(X3Nodes.Type(property.Type), item).Row).ToArray());
                    break;
                case X3PropertyKind.Dimensioned:
                    row[property.Field] = value is IEnumerable<object?> values ? new JsonArray(values.Select(Json).ToArray()) : null;
                    break;
                case X3PropertyKind.YesNo:
                    row[property.Field] = value is null ? null : value is true ? 2 : 1;
                    break;
                default:
                    row[property.Field] = Json(value);
                    break;
            }
        }

        return (row, lines);
    }

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        value is IEnumerable<object?> list ? list.OfType<IDictionary<string, object?>>() : [];

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        int number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonObject Without(JsonObject row, params string[] fields)
    {
        var copy = (JsonObject)row.DeepClone();
        foreach (var field in fields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    private static JsonObject Apply(Func<JsonObject> write)
    {
        try
        {
            return write();
        }
        catch (X3ValidationException invalid)
        {
            throw new ExecutionError(invalid.Message);
        }
    }
}
