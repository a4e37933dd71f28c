using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>
/// Holds JSON to Adobe's Commerce 2.4.8 REST contract (Contracts/commerce-2.4.8-admin-subset.json, see SOURCE.md):
/// every property must be declared in its definition, with the declared type, and every required one present.
/// Swagger 2.0 definitions say nothing about null, and Commerce answers null freely, so null passes any type.
/// </summary>
internal sealed class CommerceContract
{
    private static readonly Lazy<CommerceContract> Loaded = new(() =>
        new CommerceContract(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "commerce-2.4.8-admin-subset.json")))!.AsObject()));

    private readonly JsonObject _document;

    private CommerceContract(JsonObject document) => _document = document;

    public static CommerceContract Instance => Loaded.Value;

    public JsonObject Definition(string name) =>
        _document["definitions"]![name]?.AsObject() ?? throw new ArgumentException($"The contract has no definition {name}.", nameof(name));

    /// <summary>The body schema of an operation, e.g. ("/V1/order/{orderId}/ship", "post").</summary>
    public JsonObject RequestBody(string path, string method) =>
        _document["paths"]![path]![method]!["parameters"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["in"] == "body")["schema"]!.AsObject();

    /// <summary>The success answer's schema of an operation.</summary>
    public JsonObject Response(string path, string method) =>
        _document["paths"]![path]![method]!["responses"]!["200"]!["schema"]!.AsObject();

    public bool Declares(string definition, string property) =>
        Definition(definition)["properties"]?.AsObject().ContainsKey(property) == true;

    public IReadOnlyList<string> Violations(JsonNode? value, string definition) => Violations(value, Ref(definition));

    public IReadOnlyList<string> Violations(JsonNode? value, JsonObject schema)
    {
        var found = new List<string>();
        Check(value, schema, "$", found);
        return found;
    }

    private static JsonObject Ref(string definition) => new() { ["$ref"] = "#/definitions/" + definition };

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> found)
    {
        if (value is null)
        {
            return;
        }

        if ((string?)schema["$ref"] is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            Check(value, Definition(name), path, found);
            return;
        }

        var type = (string?)schema["type"] ?? (schema["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    found.Add($"{path} should be an object, is {value.GetValueKind()}");
                    return;
                }

                var properties = schema["properties"]?.AsObject();
                foreach (var (name, child) in obj)
                {
                    if (properties?[name] is JsonObject propertySchema)
                    {
                        Check(child, propertySchema, $"{path}.{name}", found);
                    }
                    else if (schema["additionalProperties"] is not JsonObject)
                    {
                        found.Add($"{path}.{name} is not in the contract");
                    }
                }

                foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
                {
                    if (!obj.ContainsKey(required))
                    {
                        found.Add($"{path}.{required} is required and missing");
                    }
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    found.Add($"{path} should be an array, is {value.GetValueKind()}");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    if (schema["items"] is JsonObject items)
                    {
                        Check(array[i], items, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", found);
                    }
                }

                break;
            case "integer":
                if (value is not JsonValue integer || integer.GetValueKind() != System.Text.Json.JsonValueKind.Number || !IsWhole(integer))
                {
                    found.Add($"{path} should be an integer, is {value.ToJsonString()}");
                }

                break;
            case "number":
                Expect(value, System.Text.Json.JsonValueKind.Number, type, path, found);
                break;
            case "string":
                Expect(value, System.Text.Json.JsonValueKind.String, type, path, found);
                break;
            case "boolean":
                if (value.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    found.Add($"{path} should be a boolean, is {value.ToJsonString()}");
                }

                break;
        }
    }

    private static bool IsWhole(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) == number;

    private static void Expect(JsonNode value, System.Text.Json.JsonValueKind kind, string type, string path, List<string> found)
    {
        if (value.GetValueKind() != kind)
        {
            found.Add($"{path} should be a {type}, is {value.ToJsonString()}");
        }
    }
}
