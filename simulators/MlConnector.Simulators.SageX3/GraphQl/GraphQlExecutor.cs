using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>
/// Answers <c>{module} {node} query(first, after, filter, orderBy)</c> with relay edges and pageInfo, and
/// <c>read(_id)</c>, over the same folder data the REST api1 serves.
/// </summary>
internal sealed class GraphQlExecutor(X3Folder folder, int pageCap)
{
    private const int DefaultPageSize = 20;

    public JsonObject Execute(IReadOnlyList<GraphQlField> selection)
    {
        var data = new JsonObject();
        foreach (var moduleField in selection)
        {
            if (!GraphQlSchema.Modules.Contains(moduleField.Name))
            {
                throw new GraphQlQueryException($"Cannot query field \"{moduleField.Name}\" on type \"sageQuery\".");
            }

            var module = new JsonObject();
            foreach (var entityField in moduleField.Selection ?? [])
            {
                var entity = GraphQlSchema.Entities.FirstOrDefault(e => e.Module == moduleField.Name && e.Name == entityField.Name)
                    ?? throw new GraphQlQueryException($"Cannot query field \"{entityField.Name}\" on type \"{moduleField.Name}\".");
                var operations = new JsonObject();
                foreach (var operation in entityField.Selection ?? [])
                {
                    operations[operation.Name] = operation.Name switch
                    {
                        "query" => Query(entity, operation),
                        "read" => Read(entity, operation),
                        _ => throw new GraphQlQueryException($"Cannot query field \"{operation.Name}\" on type \"{entity.TypeName}_Operations\"."),
                    };
                }

                module[entityField.Name] = operations;
            }

            data[moduleField.Name] = module;
        }

        return data;
    }

    private JsonNode? Read(GraphQlEntity entity, GraphQlField operation)
    {
        var id = operation.Arguments.GetValueOrDefault("_id")?.ToString()
            ?? throw new GraphQlQueryException("Field \"read\" argument \"_id\" of type \"Id!\" is required.");
        var record = folder.Find(entity.ClassName, id);
        return record is null ? null : Node(entity, record, operation.Selection ?? [], string.Empty, lines: false);
    }

    private JsonObject Query(GraphQlEntity entity, GraphQlField operation)
    {
        var records = folder.All(entity.ClassName).AsEnumerable();
        if (operation.Arguments.GetValueOrDefault("filter")?.ToString() is { Length: > 0 } filterText)
        {
            JsonNode? filter;
            try
            {
                filter = Json5Filter.Parse(filterText);
            }
            catch (FormatException syntax)
            {
                throw new GraphQlQueryException($"Invalid filter: {syntax.Message}");
            }

            records = records.Where(r => Matches(entity, filter, r, string.Empty)).ToList();
        }

        if (operation.Arguments.GetValueOrDefault("orderBy")?.ToString() is { Length: > 0 } orderBy)
        {
            if (Json5Filter.Parse(orderBy) is JsonObject { Count: 1 } order && order.First().Key == "_id")
            {
                records = order.First().Value?.ToString() == "-1" ? records.Reverse() : records;
            }
            else
            {
                throw new GraphQlQueryException($"orderBy {orderBy}: this server sorts by _id only.");
            }
        }

        var all = records.ToList();
        var first = operation.Arguments.GetValueOrDefault("first") is { } f ? (int)f.GetValue<decimal>() : DefaultPageSize;
        first = Math.Clamp(first, 1, pageCap);
        var start = 0;
        if (operation.Arguments.GetValueOrDefault("after")?.ToString() is { Length: > 0 } after)
        {
            var hash = after.LastIndexOf('#');
            if (hash < 0 || !int.TryParse(after[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                throw new GraphQlQueryException($"Invalid cursor {after}");
            }

            start = position + 1;
        }

        var page = all.Skip(start).Take(first).ToList();
        var key = X3Catalog.FindClass(entity.ClassName)!.KeyField;
        string Cursor(int index) => $"[\"{all[index][key]}\"]#{index}";
        var result = new JsonObject();
        foreach (var part in operation.Selection ?? [])
        {
            result[part.Name] = part.Name switch
            {
                "edges" => new JsonArray(page.Select((record, i) => (JsonNode)Edge(entity, record, Cursor(start + i), part.Selection ?? [])).ToArray()),
                "pageInfo" => PageInfo(part, page.Count == 0 ? null : Cursor(start), page.Count == 0 ? null : Cursor(start + page.Count - 1), start + page.Count < all.Count, start > 0),
                "totalCount" => all.Count,
                _ => throw new GraphQlQueryException($"Cannot query field \"{part.Name}\" on type \"{entity.TypeName}_Connection\"."),
            };
        }

        return result;
    }

    private static JsonObject Edge(GraphQlEntity entity, JsonObject record, string cursor, IReadOnlyList<GraphQlField> selection)
    {
        var edge = new JsonObject();
        foreach (var part in selection)
        {
            edge[part.Name] = part.Name switch
            {
                "cursor" => cursor,
                "node" => Node(entity, record, part.Selection ?? [], string.Empty, lines: false),
                _ => throw new GraphQlQueryException($"Cannot query field \"{part.Name}\" on type \"{entity.TypeName}_Edge\"."),
            };
        }

        return edge;
    }

    private static JsonObject PageInfo(GraphQlField part, string? startCursor, string? endCursor, bool hasNext, bool hasPrevious)
    {
        var info = new JsonObject();
        foreach (var field in part.Selection ?? [])
        {
            info[field.Name] = field.Name switch
            {
                "startCursor" => startCursor,
                "endCursor" => endCursor,
                "hasNextPage" => hasNext,
                "hasPreviousPage" => hasPrevious,
                _ => throw new GraphQlQueryException($"Cannot query field \"{field.Name}\" on type \"PageInfo\"."),
            };
        }

        return info;
    }

    internal static JsonObject? Node(GraphQlEntity entity, JsonObject record, IReadOnlyList<GraphQlField> selection, string prefix, bool lines)
    {
        var node = new JsonObject();
        var anyValue = false;
        foreach (var field in selection)
        {
            var path = prefix + field.Name;
            var typeName = lines ? entity.LineTypeName : entity.TypeName;
            if (!lines && prefix.Length == 0 && field.Name == entity.LinesField)
            {
                node[field.Name] = Lines(entity, record, field);
                anyValue = true;
            }
            else if ((lines ? entity.LineFields : entity.Fields).TryGetValue(path, out var leaf))
            {
                if (field.Selection is not null)
                {
                    throw new GraphQlQueryException($"Field \"{field.Name}\" must not have a selection since type \"String\" has no subfields.");
                }

                var value = Value(record[leaf.X3Field], leaf);
                anyValue |= value is not null;
                node[field.Name] = value;
            }
            else if (entity.IsObject(path, lines))
            {
                if (field.Selection is null)
                {
                    throw new GraphQlQueryException($"Field \"{field.Name}\" of type \"{typeName}\" must have a selection of subfields.");
                }

                var child = Node(entity, record, field.Selection, path + ".", lines);
                anyValue |= child is not null;
                node[field.Name] = child;
            }
            else
            {
                throw new GraphQlQueryException($"Cannot query field \"{field.Name}\" on type \"{typeName}\".");
            }
        }

        // A reference with nothing behind it is null, as an empty X3 reference field would be.
        return anyValue || prefix.Length == 0 ? node : null;
    }

    private static JsonObject Lines(GraphQlEntity entity, JsonObject record, GraphQlField field)
    {
        var query = field.Selection?.SingleOrDefault(s => s.Name == "query")
            ?? throw new GraphQlQueryException($"Field \"{field.Name}\" must select \"query\".");
        var lines = (record[X3Folder.LinesKey] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var result = new JsonObject();
        foreach (var part in query.Selection ?? [])
        {
            result[part.Name] = part.Name switch
            {
                "edges" => new JsonArray(lines.Select((line, i) =>
                {
                    var edge = new JsonObject();
                    foreach (var edgePart in part.Selection ?? [])
                    {
                        edge[edgePart.Name] = edgePart.Name switch
                        {
                            "cursor" => $"[{i}]#{i}",
                            "node" => Node(entity, line, edgePart.Selection ?? [], string.Empty, lines: true),
                            _ => throw new GraphQlQueryException($"Cannot query field \"{edgePart.Name}\" on type \"{entity.LineTypeName}_Edge\"."),
                        };
                    }

                    return (JsonNode)edge;
                }).ToArray()),
                "pageInfo" => PageInfo(part, null, null, false, false),
                "totalCount" => lines.Count,
                _ => throw new GraphQlQueryException($"Cannot query field \"{part.Name}\" on type \"{entity.LineTypeName}_Connection\"."),
            };
        }

        return new JsonObject { ["query"] = result };
    }

    private static JsonNode? Value(JsonNode? stored, GraphQlLeaf leaf)
    {
        if (stored is null)
        {
            return null;
        }

        return leaf.IsYesNo ? JsonValue.Create(stored.ToString() == "2") : stored.DeepClone();
    }

    private static bool Matches(GraphQlEntity entity, JsonNode? filter, JsonObject record, string prefix)
    {
        switch (filter)
        {
            case null:
                return true;
            case JsonArray any:
                return any.Any(f => Matches(entity, f, record, prefix));
            case JsonObject conditions:
                foreach (var (key, expected) in conditions)
                {
                    if (key is "_eq" or "_ne" or "_lt" or "_lte" or "_gt" or "_gte" or "_in")
                    {
                        if (!Compare(entity, prefix.TrimEnd('.'), key, expected, record))
                        {
                            return false;
                        }
                    }
                    else if (expected is JsonObject nested)
                    {
                        if (!Matches(entity, nested, record, prefix + key + "."))
                        {
                            return false;
                        }
                    }
                    else if (!Compare(entity, prefix + key, "_eq", expected, record))
                    {
                        return false;
                    }
                }

                return true;
            default:
                throw new GraphQlQueryException("Invalid filter: an object is expected");
        }
    }

    private static bool Compare(GraphQlEntity entity, string path, string op, JsonNode? expected, JsonObject record)
    {
        var leaf = entity.ResolveLeaf(path, lines: false)
            ?? throw new GraphQlQueryException($"Invalid filter: \"{path}\" is not a property of \"{entity.TypeName}\".");
        var actual = Value(record[leaf.X3Field], leaf);
        if (op == "_in")
        {
            return expected is JsonArray options && options.Any(o => Order(actual, o) == 0);
        }

        var order = Order(actual, expected);
        return op switch
        {
            "_eq" => order == 0,
            "_ne" => order != 0,
            "_lt" => order < 0,
            "_lte" => order <= 0,
            "_gt" => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>Null when either side is empty (so only _ne matches).</summary>
    private static int? Order(JsonNode? actual, JsonNode? expected)
    {
        if (actual is null || expected is null)
        {
            return actual is null && expected is null ? 0 : null;
        }

        var left = actual.ToString();
        var right = expected.ToString();
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

        return string.Equals(left, right, StringComparison.OrdinalIgnoreCase) && (left is "True" or "False") ? 0 : string.CompareOrdinal(left, right);
    }
}

internal sealed class GraphQlQueryException(string message) : Exception(message);
