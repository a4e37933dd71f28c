using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>A case's <c>set</c>: JSON pointer -> value, applied to a valid document to make the one mistake the case is about (null removes).</summary>
internal static class JsonPointerEdits
{
    public static void Apply(JsonNode root, JsonElement set)
    {
        foreach (var change in set.EnumerateObject())
        {
            Set(root, change.Name, change.Value);
        }
    }

    /// <summary>Sets (or, for null, removes) the value at a JSON pointer such as /items/0/qty_ordered.</summary>
    public static void Set(JsonNode root, string pointer, JsonElement value)
    {
        var parts = pointer.Trim('/').Split('/').Select(part => part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = (parent is JsonArray array ? array[int.Parse(part, CultureInfo.InvariantCulture)] : parent[part])
                ?? throw new InvalidDataException($"{pointer}: nothing at '{part}' in the document the case edits");
        }

        var node = value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());
        if (parent is JsonArray list)
        {
            var index = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (node is null)
            {
                list.RemoveAt(index);
            }
            else
            {
                list[index] = node;
            }
        }
        else if (node is null)
        {
            parent.AsObject().Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = node;
        }
    }
}
