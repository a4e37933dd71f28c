using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// Holds a transaction to a guide's JSON Schema the way Stedi validates generate-edi input against "the JSON Schema for
/// the guide associated with each transaction setting" (OpenAPI TransactionGroup.transactions): properties (guide
/// schemas are strict, so an unknown key is refused), required keys, array/object/string/number/integer types, enum
/// codes, string lengths and <c>multipleOf</c>. Local <c>$ref</c>s are followed.
/// </summary>
internal sealed class SchemaCheck(JsonObject root, List<string> errors)
{
    public void Object(JsonObject value, JsonObject schema, string path)
    {
        schema = Resolve(schema) ?? schema;
        foreach (var (key, child) in value)
        {
            if (Property(schema, key) is { } property)
            {
                Value(child, property, $"{path}/{key}");
            }
            else if (schema["additionalProperties"] is not JsonValue allowed || !allowed.GetValue<bool>())
            {
                errors.Add($"{path}/{key}: not in the guide");
            }
        }

        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.ToString() ?? string.Empty).Where(r => !value.ContainsKey(r)))
        {
            errors.Add($"{(path.Length == 0 ? "/" : path)}: {required} is required by the guide");
        }
    }

    public JsonObject? Property(JsonObject? schema, string key) => Resolve(Resolve(schema)?["properties"]?[key]);

    public JsonObject ItemsOrSelf(JsonObject schema) => TypeOf(schema) == "array" && Resolve(schema["items"]) is { } items ? items : schema;

    /// <summary>Implied decimals of a numeric element: 0 for integers, n for <c>multipleOf</c> 10^-n, null otherwise (type R or text).</summary>
    public int? ImpliedDecimals(JsonObject element) =>
        TypeOf(element) == "integer" ? 0
        : TypeOf(element) == "number" && element["multipleOf"] is JsonValue step && decimal.TryParse(step.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var multiple) && multiple > 0
            ? (int)Math.Round(-Math.Log10((double)multiple))
            : null;

    private void Value(JsonNode? node, JsonObject schema, string path)
    {
        switch (TypeOf(schema))
        {
            case "array":
                if (node is not JsonArray array)
                {
                    errors.Add($"{path}: must be an array");
                    return;
                }

                if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<int>())
                {
                    errors.Add($"{path}: at most {max} allowed");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Value(array[i], ItemsOrSelf(schema), $"{path}/{i}");
                }

                return;
            case "object":
                if (node is JsonObject obj)
                {
                    Object(obj, schema, path);
                }
                else
                {
                    errors.Add($"{path}: must be an object");
                }

                return;
            case "string":
                if (node is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add($"{path}: must be a string");
                    return;
                }

                var value = text.GetValue<string>();
                if (schema["maxLength"] is JsonValue maxLength && value.Length > maxLength.GetValue<int>())
                {
                    errors.Add($"{path}: longer than {maxLength} characters");
                }

                if (schema["minLength"] is JsonValue minLength && value.Length < minLength.GetValue<int>())
                {
                    errors.Add($"{path}: shorter than {minLength} characters");
                }

                Codes(value, schema, path);
                return;
            case "number" or "integer":
                if (node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{path}: must be a number");
                    return;
                }

                var amount = decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (ImpliedDecimals(schema) is { } places && decimal.Round(amount, places) != amount)
                {
                    errors.Add($"{path}: {amount.ToString(CultureInfo.InvariantCulture)} has more than {places} decimals");
                }

                Codes(number.ToJsonString(), schema, path);
                return;
        }
    }

    private void Codes(string value, JsonObject schema, string path)
    {
        if (schema["enum"] is JsonArray codes && !codes.Any(code => code?.ToString() == value))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", codes.Select(c => c?.ToString()))}");
        }
    }

    private JsonObject? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 32 && node is JsonObject obj && obj["$ref"] is JsonValue reference; hops++)
        {
            var pointer = reference.ToString();
            node = pointer.StartsWith("#/", StringComparison.Ordinal) ? pointer[2..].Split('/').Aggregate<string, JsonNode?>(root, (at, part) => at?[part]) : null;
        }

        return node as JsonObject;
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue type => type.ToString(),
        _ => schema["items"] is not null ? "array" : schema["properties"] is not null ? "object" : null,
    };
}
