using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.GraphQl;
using MlConnector.Connectors.SageX3.Reading;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// Writes through published GraphQL operations: <c>create(data: T_Input!)</c> as in Sage's receipt sample
/// (github Sage-ERP-X3/sample-x3-ws-php-webportal, GraphQL/PurchaseReceipt_mutation.graphql), and
/// <c>update(data: T_Input!)</c> with the record's <c>_id</c> inside <c>data</c> and each changed line addressed by its
/// <c>_id</c> and <c>_action</c> (Sage's xtrem update examples, developer.sage.com/sdmo/guides/graphql/graphql-mutations-examples/).
/// The X3-coded row becomes the input: fields by their input name, references by their code, lines as a list.
/// </summary>
public sealed class GraphQlWriteSurface(SageX3GraphQlClient graphQl, IOptionsMonitor<SageX3Options> options) : IX3WriteSurface
{
    public async Task<string> CreateAsync(X3Entity entity, JsonObject row, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var settings = options.CurrentValue;
        var data = await graphQl.ExecuteAsync(Mutation(info, settings, "create"), new JsonObject { ["data"] = Input(info, settings, row) }, cancellationToken, isQuery: false);
        return data[info.GraphQlRoot(settings)]?[info.GraphQlNode]?["create"]?["_id"]?.ToString()
            ?? throw new SageX3ApiException(500, $"X3 GraphQL created a {info.GraphQlNode} but returned no _id.", []);
    }

    public async Task EditAsync(X3Entity entity, string key, JsonObject changes, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var settings = options.CurrentValue;
        var input = Input(info, settings, changes);
        input["_id"] = key;
        await graphQl.ExecuteAsync(Mutation(info, settings, "update"), new JsonObject { ["data"] = input }, cancellationToken, isQuery: false);
    }

    /// <summary>The mutation document: the input variable is non-null, as X3 declares <c>data</c>.</summary>
    internal static string Mutation(X3EntityInfo info, SageX3Options settings, string operation) =>
        $"mutation($data:{info.GraphQlType}_Input!){{ {info.GraphQlRoot(settings)} {{ {info.GraphQlNode} {{ {operation}(data:$data) {{ _id }} }} }} }}";

    private static JsonObject Input(X3EntityInfo info, SageX3Options settings, JsonObject row)
    {
        var input = ToInput(info.Header(settings), row, info.GraphQlType, skip: info.LinesProperty(settings));
        if (info.GraphQlLinesField is { } linesField && info.LinesProperty(settings) is { } linesProperty && row[linesProperty] is JsonArray lines)
        {
            input[linesField] = new JsonArray(lines.OfType<JsonObject>().Select(line => (JsonNode)Line(info, settings, line)).ToArray());
        }

        return input;
    }

    /// <summary>A line input: a line X3 has is updated by its <c>_id</c> (or deleted); one without is created.</summary>
    private static JsonObject Line(X3EntityInfo info, SageX3Options settings, JsonObject line)
    {
        var input = ToInput(info.Lines(settings), line, info.GraphQlLineType!, skip: null);
        if (line[X3EntityInfo.LineIdentity]?.ToString() is { Length: > 0 } id)
        {
            input["_id"] = id;
            input["_action"] = line[X3LineChanges.DeleteMarker] is not null ? "delete" : "update";
        }

        return input;
    }

    private static JsonObject ToInput(IReadOnlyList<X3GraphQlField> map, JsonObject row, string type, string? skip)
    {
        var input = new JsonObject();
        foreach (var (field, value) in row)
        {
            if (field == skip || field is X3EntityInfo.LineIdentity or X3LineChanges.DeleteMarker or "UPDDATTIM" or "CREDATTIM" || field.StartsWith("$$", StringComparison.Ordinal) || value is null)
            {
                continue;
            }

            var mapped = map.FirstOrDefault(m => m.Field == field)
                ?? throw new SageX3ConfigurationException($"X3 field {field} has no GraphQL equivalent on {type}: set SageX3__GraphQlFields__{type}__{field}, or write through REST api1 (SageX3__Mode=Rest).");
            if (mapped.InputName is not { Length: > 0 } name)
            {
                continue; // X3 derives it (a name behind a reference, a computed tax) or the customer left it out of GraphQL
            }

            input[name] = mapped.IsYesNo ? value.ToString() == "2" : value.DeepClone();
        }

        return input;
    }
}
