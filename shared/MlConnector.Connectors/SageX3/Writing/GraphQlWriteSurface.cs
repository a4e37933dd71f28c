using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.GraphQl;
using MlConnector.Connectors.SageX3.Reading;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// Writes through published GraphQL operations: <c>{module} {node} create(data)</c> / <c>update(_id, data)</c>.
/// The X3-coded row becomes the node's input: plain fields by name, references by their code, lines as a list.
/// </summary>
public sealed class GraphQlWriteSurface(SageX3GraphQlClient graphQl, IOptionsMonitor<SageX3Options> options) : IX3WriteSurface
{
    public async Task<string> CreateAsync(X3Entity entity, JsonObject row, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var mutation = $"mutation($data:{Type(info)}_Input){{ {info.GraphQlModule} {{ {info.GraphQlNode} {{ create(data:$data) {{ _id }} }} }} }}";
        var data = await graphQl.ExecuteAsync(mutation, new JsonObject { ["data"] = Input(info, row) }, cancellationToken, isQuery: false);
        return data[info.GraphQlModule]?[info.GraphQlNode]?["create"]?["_id"]?.ToString()
            ?? throw new SageX3ApiException(500, $"X3 GraphQL created a {info.GraphQlNode} but returned no _id.", []);
    }

    public async Task EditAsync(X3Entity entity, string key, JsonObject changes, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var mutation = $"mutation($id:Id!,$data:{Type(info)}_Input){{ {info.GraphQlModule} {{ {info.GraphQlNode} {{ update(_id:$id, data:$data) {{ _id }} }} }} }}";
        await graphQl.ExecuteAsync(mutation, new JsonObject { ["id"] = key, ["data"] = Input(info, changes) }, cancellationToken, isQuery: false);
    }

    private JsonObject Input(X3EntityInfo info, JsonObject row)
    {
        var settings = options.CurrentValue;
        var input = ToInput(info.Header(settings), row, info.GraphQlNode, skip: info.LinesProperty(settings));
        if (info.GraphQlLinesField is { } linesField && info.LinesProperty(settings) is { } linesProperty && row[linesProperty] is JsonArray lines)
        {
            input[linesField] = new JsonArray(lines.OfType<JsonObject>().Select(line => (JsonNode)ToInput(info.Lines(settings), line, info.GraphQlNode + " line", skip: null)).ToArray());
        }

        return input;
    }

    private static JsonObject ToInput(IReadOnlyList<(string Path, string Field, bool IsYesNo)> map, JsonObject row, string node, string? skip)
    {
        var input = new JsonObject();
        foreach (var (field, value) in row)
        {
            if (field.StartsWith('$') || field == skip || field is "UPDDATTIM" or "CREDATTIM" || value is null)
            {
                continue;
            }

            // A plain field by its name; otherwise the reference whose code it is (orderFromSupplier.code.code -> orderFromSupplier).
            var paths = map.Where(m => m.Field == field).ToList();
            var target = paths.FirstOrDefault(p => !p.Path.Contains('.', StringComparison.Ordinal) && p.Path != "_id");
            if (target.Path is null && paths.FirstOrDefault(p => p.Path.EndsWith(".code", StringComparison.Ordinal) || p.Path.EndsWith(".id", StringComparison.Ordinal)) is { Path: not null } reference)
            {
                target = (reference.Path.Split('.')[0], field, reference.IsYesNo);
            }

            if (target.Path is null && paths.Any(p => p.Path == "_id"))
            {
                target = ("_id", field, false);
            }

            if (target.Path is null)
            {
                if (paths.Count > 0)
                {
                    continue; // only readable through a reference (e.g. the supplier's name): X3 derives it
                }

                throw new SageX3ConfigurationException($"X3 field {field} has no GraphQL equivalent on {node}; this write needs REST api1 (SageX3__Mode=Rest).");
            }

            input[target.Path] = target.IsYesNo ? value.ToString() == "2" : value.DeepClone();
        }

        return input;
    }

    private static string Type(X3EntityInfo info) => char.ToUpperInvariant(info.GraphQlNode[0]) + info.GraphQlNode[1..];
}
