using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace MlConnector.Stedi.Tests.Contracts;

/// <summary>
/// Stedi's published OpenAPI documents (Contracts/SOURCE.md), read with Microsoft.OpenApi, and a small JSON Schema
/// check of a request or response body against one of their schemas: types, required properties, enums, patterns,
/// lengths, item counts and ranges, following <c>$ref</c>s.
/// </summary>
internal static class StediOpenApi
{
    private static readonly Lazy<OpenApiDocument> CoreDocument = new(() => Load("stedi-core-openapi.yml"));
    private static readonly Lazy<OpenApiDocument> X12Document = new(() => Load("stedi-x12-api-openapi.yml"));

    public static OpenApiDocument Core => CoreDocument.Value;

    public static OpenApiDocument X12 => X12Document.Value;

    public static OpenApiOperation Operation(OpenApiDocument document, string path, HttpMethod method)
    {
        Assert.True(document.Paths.TryGetValue(path, out var item), $"Stedi's OpenAPI has no path {path}.");
        Assert.True(item!.Operations!.TryGetValue(method, out var operation), $"Stedi's OpenAPI has no {method} {path}.");
        return operation!;
    }

    /// <summary>The JSON schema of an operation's response with <paramref name="status"/>.</summary>
    public static IOpenApiSchema ResponseSchema(OpenApiOperation operation, int status)
    {
        Assert.True(operation.Responses!.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response), $"{operation.OperationId} documents no {status} response.");
        return response!.Content!["application/json"].Schema!;
    }

    public static IOpenApiSchema RequestSchema(OpenApiOperation operation) => operation.RequestBody!.Content!["application/json"].Schema!;

    public static IOpenApiParameter Parameter(OpenApiOperation operation, string name, ParameterLocation location) =>
        operation.Parameters!.Single(p => p.Name == name && p.In == location);

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, as JSON pointers with the reason.</summary>
    public static List<string> Check(IOpenApiSchema schema, JsonNode? value, string path = "")
    {
        var errors = new List<string>();
        Walk(schema, value, path.Length == 0 ? "/" : path, errors);
        return errors;
    }

    private static void Walk(IOpenApiSchema schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Walk(part, value, path, errors);
        }

        if (value is null)
        {
            if (schema.Type is { } declared && !declared.HasFlag(JsonSchemaType.Null))
            {
                errors.Add($"{path}: null where the contract has {declared}");
            }

            return;
        }

        var kind = value.GetValueKind();
        switch (schema.Type)
        {
            case { } type when type.HasFlag(JsonSchemaType.Object):
                if (value is not JsonObject obj)
                {
                    errors.Add($"{path}: {kind} where the contract has an object");
                    return;
                }

                foreach (var required in schema.Required ?? new HashSet<string>())
                {
                    if (!obj.ContainsKey(required))
                    {
                        errors.Add($"{path}: '{required}' is required");
                    }
                }

                foreach (var (name, child) in obj)
                {
                    if (schema.Properties is { } properties && properties.TryGetValue(name, out var property))
                    {
                        Walk(property, child, $"{path.TrimEnd('/')}/{name}", errors);
                    }
                }

                return;
            case { } type when type.HasFlag(JsonSchemaType.Array):
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: {kind} where the contract has an array");
                    return;
                }

                if (schema.MinItems is { } minItems && array.Count < minItems)
                {
                    errors.Add($"{path}: {array.Count} items, the contract wants at least {minItems}");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Walk(schema.Items!, array[i], $"{path.TrimEnd('/')}/{i}", errors);
                }

                return;
            case { } type when type.HasFlag(JsonSchemaType.String):
                if (kind != JsonValueKind.String)
                {
                    errors.Add($"{path}: {kind} where the contract has a string");
                    return;
                }

                var text = value.GetValue<string>();
                if (schema.MaxLength is { } max && text.Length > max)
                {
                    errors.Add($"{path}: {text.Length} characters, the contract allows {max}");
                }

                if (schema.MinLength is { } min && text.Length < min)
                {
                    errors.Add($"{path}: {text.Length} characters, the contract wants {min}");
                }

                if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
                {
                    errors.Add($"{path}: '{text}' does not match {pattern}");
                }

                if (schema.Enum is { Count: > 0 } codes && !codes.Any(code => code?.ToString() == text))
                {
                    errors.Add($"{path}: '{text}' is not one of {string.Join(", ", codes)}");
                }

                return;
            case { } type when type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer):
                if (kind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: {kind} where the contract has a number");
                    return;
                }

                var number = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (schema.Maximum is { } maximum && number > decimal.Parse(maximum, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: {number} is above {maximum}");
                }

                if (schema.Minimum is { } minimum && number < decimal.Parse(minimum, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: {number} is below {minimum}");
                }

                return;
            case { } type when type.HasFlag(JsonSchemaType.Boolean):
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: {kind} where the contract has a boolean");
                }

                return;
        }
    }

    private static OpenApiDocument Load(string file)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Contracts", file));
        var result = OpenApiDocument.LoadAsync(stream, "yaml", settings).GetAwaiter().GetResult();
        Assert.True(result.Document is not null, $"{file}: {string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        return result.Document!;
    }
}
