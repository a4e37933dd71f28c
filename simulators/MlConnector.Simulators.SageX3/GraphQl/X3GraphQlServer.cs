using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using MlConnector.Simulators.SageX3.GraphQl.Schema;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>
/// Runs GraphQL requests on graphql-dotnet over the declared schema, so every operation is validated as X3 validates
/// it: unknown fields, variable types, non-null positions. Invalid documents answer 400 with <c>errors</c>; business
/// refusals answer 200 with <c>errors</c> and the failed field null.
/// </summary>
internal sealed partial class X3GraphQlServer(SageX3SimulatorOptions options)
{
    private readonly GraphQL.Types.Schema _schema = new X3SchemaBuilder(options.GraphQlRoots == X3GraphQlRoots.Current ? "x3" : "xtremX3", options.PublishedMutations)
    {
        PageCap = options.PageCap,
    }.Build();

    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    /// <summary>The HTTP status and JSON body answering <paramref name="requestBody"/> against <paramref name="folder"/>.</summary>
    public async Task<(int Status, JsonNode Body)> ExecuteAsync(string requestBody, X3Folder folder, CancellationToken cancellationToken)
    {
        GraphQLRequest? request;
        try
        {
            request = _serializer.Deserialize<GraphQLRequest>(requestBody);
        }
        catch (Exception invalid) when (invalid is System.Text.Json.JsonException or NotSupportedException)
        {
            return (400, Errors("Invalid JSON body: " + invalid.Message));
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            return (400, Errors("Must provide query string."));
        }

        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            UserContext = new X3GraphQlContext(folder),
            CancellationToken = cancellationToken,
        });
        var body = JsonNode.Parse(_serializer.Serialize(result))!.AsObject();
        body["extensions"] ??= new JsonObject();
        foreach (var error in (body["errors"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // X3 runs graphql-js, which quotes names with double quotes: Cannot query field "x" on type "T".
            error["message"] = QuotedName().Replace(error["message"]?.ToString() ?? string.Empty, "\"$1\"");
        }

        return (result.Executed ? 200 : 400, body);
    }

    [System.Text.RegularExpressions.GeneratedRegex("'([$A-Za-z_][A-Za-z0-9_!\\[\\]]*)'")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    private static JsonObject Errors(string message) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message }),
        ["extensions"] = new JsonObject(),
    };
}
