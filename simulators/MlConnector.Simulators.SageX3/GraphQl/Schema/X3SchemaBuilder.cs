using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Conversion;
using GraphQL.Resolvers;
using GraphQL.Types;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>What a resolver needs from the request: the folder (<c>x-xtrem-endpoint</c>) it reads and writes.</summary>
internal sealed class X3GraphQlContext(X3Folder folder) : Dictionary<string, object?>
{
    public X3Folder Folder { get; } = folder;
}

/// <summary>
/// Builds the declared GraphQL schema from <see cref="X3Nodes"/>: per node an object type, a relay connection, a
/// <c>query(first, after, last, before, filter, orderBy)</c> / <c>read(_id: Id!)</c> operations type and, where the
/// operation is published, <c>create(data: T_Input!)</c> / <c>update(data: T_Input!)</c>; under one root per package,
/// named for the X3 version (<c>x3Purchasing</c> or <c>xtremX3Purchasing</c>).
/// </summary>
internal sealed class X3SchemaBuilder(string rootPrefix, IReadOnlySet<string> publishedMutations)
{
    private const int DefaultPageSize = 20;

    private readonly X3Scalars _scalars = new();
    private readonly Dictionary<string, ObjectGraphType> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputObjectGraphType> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectGraphType> _connections = new(StringComparer.Ordinal);
    private ObjectGraphType? _pageInfo;

    public int PageCap { get; init; } = 100;

    public GraphQL.Types.Schema Build()
    {
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var package in X3Nodes.Published.GroupBy(p => p.Package))
        {
            var root = rootPrefix + package.Key;
            var operations = new ObjectGraphType { Name = $"{root}_Package" };
            var mutations = new ObjectGraphType { Name = $"{root}_Mutations" };
            foreach (var node in package)
            {
                var type = X3Nodes.Type(node.TypeName);
                operations.AddField(new FieldType { Name = node.Name, ResolvedType = new NonNullGraphType(Operations(type)), Resolver = Pass });
                if (publishedMutations.Contains(node.Name))
                {
                    mutations.AddField(new FieldType { Name = node.Name, ResolvedType = new NonNullGraphType(Mutations(type)), Resolver = Pass });
                }
            }

            query.AddField(new FieldType { Name = root, ResolvedType = new NonNullGraphType(operations), Resolver = Pass });
            if (mutations.Fields.Count > 0)
            {
                mutation.AddField(new FieldType { Name = root, ResolvedType = new NonNullGraphType(mutations), Resolver = Pass });
            }
        }

        var schema = new GraphQL.Types.Schema { Query = query, Mutation = mutation, NameConverter = DefaultNameConverter.Instance };
        schema.Initialize();
        return schema;
    }

    private static FuncFieldResolver<object?> Pass { get; } = new(context => context.Source ?? new object());

    private static X3Folder Folder(IResolveFieldContext context) => ((X3GraphQlContext)context.UserContext).Folder;

    private ObjectGraphType Output(X3NodeType node)
    {
        if (_outputs.TryGetValue(node.TypeName, out var existing))
        {
            return existing;
        }

        var type = new ObjectGraphType { Name = node.TypeName };
        _outputs[node.TypeName] = type;
        foreach (var property in node.Properties)
        {
            var field = property.Kind switch
            {
                X3PropertyKind.Scalar or X3PropertyKind.YesNo => new FieldType
                {
                    Name = property.Name,
                    ResolvedType = property.Name == "_id" ? new NonNullGraphType(_scalars.Id) : _scalars.Output(property.Type),
                    Resolver = new FuncFieldResolver<object?>(context => Plain(X3Records.Value((JsonObject)context.Source!, property), property.Type)),
                },
                X3PropertyKind.Dimensioned => new FieldType
                {
                    Name = property.Name,
                    ResolvedType = new ListGraphType(_scalars.Output(property.Type)),
                    Resolver = new FuncFieldResolver<object?>(context =>
                        (((JsonObject)context.Source!)[property.Field] as JsonArray)?.Select(item => Plain(item, property.Type)).ToList()),
                },
                X3PropertyKind.Reference => new FieldType
                {
                    Name = property.Name,
                    ResolvedType = Output(X3Nodes.Type(property.Type)),
                    Resolver = new FuncFieldResolver<object?>(context => X3Records.Reference(Folder(context), (JsonObject)context.Source!, property)),
                },
                X3PropertyKind.Collection => new FieldType
                {
                    Name = property.Name,
                    ResolvedType = new NonNullGraphType(Collection(X3Nodes.Type(property.Type))),
                    Resolver = Pass,
                },
                _ => null,
            };
            if (field is not null)
            {
                type.AddField(field);
            }
        }

        return type;
    }

    /// <summary>The lines of a record: <c>{ query(...) { edges { node } pageInfo totalCount } }</c>.</summary>
    private ObjectGraphType Collection(X3NodeType line)
    {
        var type = new ObjectGraphType { Name = $"{line.TypeName}_Collection" };
        type.AddField(new FieldType
        {
            Name = "query",
            Arguments = QueryArguments(),
            ResolvedType = new NonNullGraphType(ConnectionType(line)),
            Resolver = new FuncFieldResolver<object?>(context =>
                Page(context, line, ((JsonObject)context.Source!)[X3Folder.LinesKey] as JsonArray is { } lines ? lines.OfType<JsonObject>().ToList() : [], key: null)),
        });
        return type;
    }

    private ObjectGraphType Operations(X3NodeType node)
    {
        var type = new ObjectGraphType { Name = $"{node.TypeName}_Operations" };
        var cls = X3Catalog.FindClass(node.ClassName!)!;
        type.AddField(new FieldType
        {
            Name = "query",
            Arguments = QueryArguments(),
            ResolvedType = new NonNullGraphType(ConnectionType(node)),
            Resolver = new FuncFieldResolver<object?>(context => Page(context, node, Folder(context).All(cls.Name), cls.KeyField)),
        });
        type.AddField(new FieldType
        {
            Name = "read",
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(_scalars.Id)) { Name = "_id" }),
            ResolvedType = Output(node),
            Resolver = new FuncFieldResolver<object?>(context => Folder(context).Find(cls.Name, context.GetArgument<string>("_id"))),
        });
        return type;
    }

    private ObjectGraphType Mutations(X3NodeType node)
    {
        var type = new ObjectGraphType { Name = $"{node.TypeName}_Mutations" };
        var data = new QueryArguments(new QueryArgument(new NonNullGraphType(Input(node, isLine: false))) { Name = "data" });
        type.AddField(new FieldType
        {
            Name = "create",
            Arguments = data,
            ResolvedType = Output(node),
            Resolver = new FuncFieldResolver<object?>(context => X3Mutations.Create(Folder(context), node, context.GetArgument<Dictionary<string, object?>>("data"))),
        });
        type.AddField(new FieldType
        {
            Name = "update",
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(Input(node, isLine: false))) { Name = "data" }),
            ResolvedType = Output(node),
            Resolver = new FuncFieldResolver<object?>(context => X3Mutations.Update(Folder(context), node, context.GetArgument<Dictionary<string, object?>>("data"))),
        });
        return type;
    }

    /// <summary><c>T_Input</c>: writable properties; references as their code; lines as a list that updates address by <c>_id</c> and <c>_action</c>.</summary>
    private InputObjectGraphType Input(X3NodeType node, bool isLine)
    {
        if (_inputs.TryGetValue(node.TypeName, out var existing))
        {
            return existing;
        }

        var type = new InputObjectGraphType { Name = $"{node.TypeName}_Input" };
        _inputs[node.TypeName] = type;
        foreach (var property in node.Properties.Where(p => p.IsWritable))
        {
            IGraphType graphType = property.Kind switch
            {
                X3PropertyKind.Scalar or X3PropertyKind.InputOnly => _scalars.Input(property.Type),
                X3PropertyKind.YesNo => _scalars.Boolean,
                X3PropertyKind.Dimensioned => new ListGraphType(_scalars.Input(property.Type)),
                X3PropertyKind.Reference => _scalars.Output("IntOrString"),
                _ => new ListGraphType(new NonNullGraphType(Input(X3Nodes.Type(property.Type), isLine: true))),
            };
            type.AddField(new FieldType { Name = property.Name, ResolvedType = graphType });
        }

        if (isLine && node.Property("_id") is not null)
        {
            type.AddField(new FieldType { Name = "_action", ResolvedType = _scalars.String, Description = "create, update or delete (updates only)." });
        }

        return type;
    }

    private ObjectGraphType ConnectionType(X3NodeType node)
    {
        if (_connections.TryGetValue(node.TypeName, out var existing))
        {
            return existing;
        }

        var edge = new ObjectGraphType { Name = $"{node.TypeName}_Edge" };
        edge.AddField(new FieldType { Name = "node", ResolvedType = new NonNullGraphType(Output(node)), Resolver = new FuncFieldResolver<object?>(c => ((Edge)c.Source!).Node) });
        edge.AddField(new FieldType { Name = "cursor", ResolvedType = new NonNullGraphType(_scalars.String), Resolver = new FuncFieldResolver<object?>(c => ((Edge)c.Source!).Cursor) });
        var connection = new ObjectGraphType { Name = $"{node.TypeName}_Connection" };
        connection.AddField(new FieldType { Name = "edges", ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(edge))), Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).Edges) });
        connection.AddField(new FieldType { Name = "pageInfo", ResolvedType = new NonNullGraphType(PageInfo()), Resolver = new FuncFieldResolver<object?>(c => c.Source) });
        connection.AddField(new FieldType { Name = "totalCount", ResolvedType = _scalars.Int, Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).TotalCount) });
        _connections[node.TypeName] = connection;
        return connection;
    }

    private ObjectGraphType PageInfo()
    {
        if (_pageInfo is not null)
        {
            return _pageInfo;
        }

        _pageInfo = new ObjectGraphType { Name = "PageInfo" };
        _pageInfo.AddField(new FieldType { Name = "startCursor", ResolvedType = _scalars.String, Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).StartCursor) });
        _pageInfo.AddField(new FieldType { Name = "endCursor", ResolvedType = _scalars.String, Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).EndCursor) });
        _pageInfo.AddField(new FieldType { Name = "hasNextPage", ResolvedType = new NonNullGraphType(_scalars.Boolean), Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).HasNextPage) });
        _pageInfo.AddField(new FieldType { Name = "hasPreviousPage", ResolvedType = new NonNullGraphType(_scalars.Boolean), Resolver = new FuncFieldResolver<object?>(c => ((Connection)c.Source!).HasPreviousPage) });
        return _pageInfo;
    }

    private QueryArguments QueryArguments() => new(
        new QueryArgument(_scalars.Int) { Name = "first" },
        new QueryArgument(_scalars.String) { Name = "after" },
        new QueryArgument(_scalars.Int) { Name = "last" },
        new QueryArgument(_scalars.String) { Name = "before" },
        new QueryArgument(_scalars.String) { Name = "filter" },
        new QueryArgument(_scalars.String) { Name = "orderBy" });

    /// <summary>Filters, sorts and pages records; cursors look like X3's (<c>["KEY"]#index</c>).</summary>
    private Connection Page(IResolveFieldContext context, X3NodeType node, IReadOnlyList<JsonObject> source, string? key)
    {
        var folder = Folder(context);
        IEnumerable<JsonObject> records = source;
        if (context.GetArgument<string?>("filter") is { Length: > 0 } filterText)
        {
            var filter = ParseJson5("filter", filterText);
            records = records.Where(r => X3Records.Matches(folder, node, filter, r)).ToList();
        }

        if (context.GetArgument<string?>("orderBy") is { Length: > 0 } orderText)
        {
            records = ParseJson5("orderBy", orderText) is JsonObject orderBy
                ? X3Records.Sort(folder, node, orderBy, records).ToList()
                : throw new ExecutionError("Invalid orderBy: an object is expected.");
        }

        var all = records.ToList();
        var start = 0;
        if (context.GetArgument<string?>("after") is { Length: > 0 } after)
        {
            start = Position(after) + 1;
        }

        var end = all.Count;
        if (context.GetArgument<string?>("before") is { Length: > 0 } before)
        {
            end = Math.Min(end, Position(before));
        }

        var size = Math.Clamp(context.GetArgument<int?>("first") ?? context.GetArgument<int?>("last") ?? DefaultPageSize, 1, PageCap);
        if (context.GetArgument<int?>("last") is not null && context.GetArgument<int?>("first") is null)
        {
            start = Math.Max(start, end - size);
        }

        var page = all.Skip(start).Take(Math.Min(size, Math.Max(0, end - start))).ToList();
        string Cursor(int index) => key is null ? $"[{index}]#{index}" : $"[\"{all[index][key]}\"]#{index}";
        var edges = page.Select((record, i) => new Edge(record, Cursor(start + i))).ToList();
        return new Connection(edges, edges.Count == 0 ? null : edges[0].Cursor, edges.Count == 0 ? null : edges[^1].Cursor, start + page.Count < all.Count, start > 0, all.Count);
    }

    private static int Position(string cursor)
    {
        var hash = cursor.LastIndexOf('#');
        return hash >= 0 && int.TryParse(cursor[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new ExecutionError($"Invalid cursor {cursor}");
    }

    private static JsonNode? ParseJson5(string argument, string text)
    {
        try
        {
            return Json5Filter.Parse(text);
        }
        catch (FormatException syntax)
        {
            throw new ExecutionError($"Invalid {argument}: {syntax.Message}");
        }
    }

    /// <summary>JSON values become the CLR values graphql-dotnet serializes (decimals, booleans, text).</summary>
    private static object? Plain(JsonNode? value, string type) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        _ when type == "Int" && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<decimal>(out var number) => number,
        _ => value.ToString(),
    };

    private sealed record Edge(JsonObject Node, string Cursor);

    private sealed record Connection(IReadOnlyList<Edge> Edges, string? StartCursor, string? EndCursor, bool HasNextPage, bool HasPreviousPage, int TotalCount);
}
