using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.GraphQl;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>
/// Rows over GraphQL: <c>{module} {node} query(first, after, filter, orderBy)</c> with relay cursors and the
/// <c>_updateStamp</c> filter, each node flattened to the X3 field codes REST would give.
/// </summary>
public sealed class GraphQlRowSource(SageX3GraphQlClient graphQl, IOptionsMonitor<SageX3Options> options) : IX3RowSource
{
    public async IAsyncEnumerable<X3RowPage> ReadRowsAsync(X3Entity entity, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var info = X3Entities.All[entity];
        var filter = changedSince is { } since
            ? $"{{_updateStamp:{{_gte:'{since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'}}}}"
            : null;
        string? after = null;
        while (true)
        {
            var (rows, endCursor, hasNext) = await QueryAsync(info, settings, settings.PageSize, after, filter, cancellationToken);
            yield return new X3RowPage(rows, endCursor);
            if (!hasNext || endCursor is null)
            {
                yield break;
            }

            after = endCursor;
        }
    }

    public async Task<JsonObject?> FindRowAsync(X3Entity entity, string field, string value, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var info = X3Entities.All[entity];
        var path = info.Header(settings).Where(h => h.Field == field && h.Read is not null).Select(h => h.Read!).OrderBy(p => p.Length).FirstOrDefault()
            ?? throw new SageX3ConfigurationException($"The GraphQL node {info.GraphQlNode} has no field for X3 field {field}: set SageX3__GraphQlFields__{info.GraphQlType}__{field}.");
        var filter = path.Split('.').Reverse().Aggregate($"'{value.Replace("'", "\\'", StringComparison.Ordinal)}'", (inner, segment) => $"{{{segment}:{inner}}}");
        var (rows, _, _) = await QueryAsync(info, settings, 1, null, filter, cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>The read query of an entity, exactly as syncs send it (<c>mlc ping</c> sends it too, to have X3 validate every path).</summary>
    internal static string Query(X3EntityInfo info, SageX3Options settings) =>
        $"query($first:Int,$after:String,$filter:String,$orderBy:String){{ {info.GraphQlRoot(settings)} {{ {info.GraphQlNode} {{ " +
        $"query(first:$first, after:$after, filter:$filter, orderBy:$orderBy) {{ edges {{ node {{ {Selection(info, settings)} }} }} " +
        "pageInfo { endCursor hasNextPage } } } } }";

    private async Task<(List<JsonObject> Rows, string? EndCursor, bool HasNext)> QueryAsync(X3EntityInfo info, SageX3Options settings, int first, string? after, string? filter, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["first"] = first, ["after"] = after, ["filter"] = filter, ["orderBy"] = "{_id:1}" };
        var data = await graphQl.ExecuteAsync(Query(info, settings), variables, cancellationToken);
        var connection = data[info.GraphQlRoot(settings)]?[info.GraphQlNode]?["query"];
        var rows = (connection?["edges"] as JsonArray ?? []).Select(edge => Flatten(info, settings, edge?["node"] as JsonObject ?? [])).ToList();
        var pageInfo = connection?["pageInfo"];
        return (rows, pageInfo?["endCursor"]?.ToString(), pageInfo?["hasNextPage"]?.GetValue<bool>() == true);
    }

    private static string Selection(X3EntityInfo info, SageX3Options settings)
    {
        var text = new StringBuilder(Tree(info.Header(settings).Select(h => h.Read).OfType<string>()));
        if (info.GraphQlLinesField is { } lines)
        {
            text.Append($" {lines} {{ query {{ edges {{ node {{ {Tree(info.Lines(settings).Select(l => l.Read).OfType<string>())} }} }} }} }}");
        }

        return text.ToString();
    }

    /// <summary>Dotted paths to a nested selection: <c>a.b.c a.d e</c> -> <c>a { b { c } d } e</c>.</summary>
    private static string Tree(IEnumerable<string> paths)
    {
        var groups = paths.Select(p => p.Split('.', 2)).GroupBy(p => p[0]);
        return string.Join(' ', groups.Select(g =>
        {
            var children = g.Where(p => p.Length == 2).Select(p => p[1]).ToList();
            return children.Count == 0 ? g.Key : $"{g.Key} {{ {Tree(children)} }}";
        }));
    }

    private static JsonObject Flatten(X3EntityInfo info, SageX3Options settings, JsonObject node)
    {
        var row = Flatten(info.Header(settings), node);
        if (info.GraphQlLinesField is { } linesField && info.LinesProperty(settings) is { } linesProperty)
        {
            var edges = node[linesField]?["query"]?["edges"] as JsonArray ?? [];
            row[linesProperty] = new JsonArray(edges.Select(e => (JsonNode)Flatten(info.Lines(settings), e?["node"] as JsonObject ?? [])).ToArray());
        }

        return row;
    }

    private static JsonObject Flatten(IReadOnlyList<X3GraphQlField> map, JsonObject node)
    {
        var row = new JsonObject();
        foreach (var (field, path, _, isYesNo) in map)
        {
            if (path is null)
            {
                continue;
            }

            JsonNode? value = node;
            foreach (var segment in path.Split('.'))
            {
                value = value?[segment];
            }

            if (value is not null && !row.ContainsKey(field))
            {
                row[field] = isYesNo ? (value.GetValue<bool>() ? 2 : 1) : value.DeepClone();
            }
        }

        return row;
    }
}
