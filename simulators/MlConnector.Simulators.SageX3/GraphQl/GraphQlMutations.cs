using System.Text.Json.Nodes;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>
/// Published operations as mutations: <c>{module} {node} create(data) / update(_id, data)</c>. Input keys are
/// the node's field names; a reference takes its code (<c>orderFromSupplier: "S0001"</c>); lines are a list.
/// </summary>
internal sealed class GraphQlMutations(X3Folder folder, IReadOnlySet<string> published)
{
    public JsonObject Execute(IReadOnlyList<GraphQlField> selection)
    {
        var data = new JsonObject();
        foreach (var moduleField in selection)
        {
            var module = new JsonObject();
            foreach (var entityField in moduleField.Selection ?? [])
            {
                var entity = GraphQlSchema.Entities.FirstOrDefault(e => e.Module == moduleField.Name && e.Name == entityField.Name)
                    ?? throw new GraphQlQueryException($"Cannot query field \"{entityField.Name}\" on type \"{moduleField.Name}_Mutation\".");
                var operations = new JsonObject();
                foreach (var operation in entityField.Selection ?? [])
                {
                    if (!published.Contains(entity.Name) || operation.Name is not ("create" or "update"))
                    {
                        throw new GraphQlQueryException($"Cannot query field \"{operation.Name}\" on type \"{entity.TypeName}_Mutations\".");
                    }

                    operations[operation.Name] = Apply(entity, operation);
                }

                module[entityField.Name] = operations;
            }

            data[moduleField.Name] = module;
        }

        return data;
    }

    private JsonObject? Apply(GraphQlEntity entity, GraphQlField operation)
    {
        var cls = X3Catalog.FindClass(entity.ClassName)!;
        var input = operation.Arguments.GetValueOrDefault("data") as JsonObject
            ?? throw new GraphQlQueryException($"Field \"{operation.Name}\" argument \"data\" of type \"{entity.TypeName}_Input!\" is required.");
        var (header, lines) = FromInput(entity, input);
        try
        {
            JsonObject stored;
            if (operation.Name == "create")
            {
                X3Rules.Validate(folder, cls.Name, header, lines ?? []);
                header[X3Folder.LinesKey] = lines ?? [];
                stored = folder.Insert(cls, header);
            }
            else
            {
                var id = operation.Arguments.GetValueOrDefault("_id")?.ToString()
                    ?? throw new GraphQlQueryException("Field \"update\" argument \"_id\" of type \"Id!\" is required.");
                var current = folder.Find(cls.Name, id) ?? throw new GraphQlQueryException($"{entity.TypeName} {id}: record not found");
                var merged = (JsonObject)current.DeepClone();
                foreach (var (field, value) in header)
                {
                    merged[field] = value?.DeepClone();
                }

                X3Rules.Validate(folder, cls.Name, merged, lines ?? (JsonArray)current[X3Folder.LinesKey]!);
                header.Remove(cls.KeyField);
                stored = folder.Update(cls, id, header, lines)!;
            }

            return GraphQlExecutor.Node(entity, stored, operation.Selection ?? [], string.Empty, lines: false);
        }
        catch (X3ValidationException invalid)
        {
            throw new GraphQlQueryException(invalid.Message);
        }
    }

    private static (JsonObject Header, JsonArray? Lines) FromInput(GraphQlEntity entity, JsonObject input)
    {
        JsonArray? lines = null;
        var header = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (key == entity.LinesField && value is JsonArray array)
            {
                lines = new JsonArray(array.OfType<JsonObject>().Select(line => (JsonNode)Map(entity, line, isLine: true)).ToArray());
            }
            else
            {
                MapField(entity, header, key, value, isLine: false);
            }
        }

        return (header, lines);
    }

    private static JsonObject Map(GraphQlEntity entity, JsonObject input, bool isLine)
    {
        var row = new JsonObject();
        foreach (var (key, value) in input)
        {
            MapField(entity, row, key, value, isLine);
        }

        return row;
    }

    private static void MapField(GraphQlEntity entity, JsonObject row, string key, JsonNode? value, bool isLine)
    {
        if (key.StartsWith('_') && key != "_id")
        {
            throw new GraphQlQueryException($"Field \"{key}\" is not writable.");
        }

        var leaf = value is JsonObject or JsonArray ? null : entity.ResolveLeaf(key, isLine)
            ?? throw new GraphQlQueryException($"Field \"{key}\" is not defined by type \"{(isLine ? entity.LineTypeName : entity.TypeName)}_Input\".");
        if (leaf is null)
        {
            throw new GraphQlQueryException($"Field \"{key}\" expects a scalar or a reference code.");
        }

        row[leaf.X3Field] = leaf.IsYesNo && value is JsonValue flag && flag.TryGetValue<bool>(out var yes) ? (yes ? 2 : 1) : value?.DeepClone();
    }
}
