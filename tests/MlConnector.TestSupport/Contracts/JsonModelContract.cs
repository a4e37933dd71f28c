using System.Globalization;
using System.Text.Json;

namespace MlConnector.TestSupport.Contracts;

/// <summary>
/// A vendor's published model in a small JSON form: <c>paths</c> (<c>"GET /api/..."</c> with their <c>query</c> and
/// <c>path</c> parameters and the model of the 200 response) and <c>models</c> (field name -> <c>{type, format, ref,
/// items, enum, anyOf, required, nullable}</c>). Tests hold requests and responses to it: every query parameter must be
/// one the path defines, every field a response carries must exist in its model with the model's type, and every
/// required field must be there.
/// </summary>
public sealed class JsonModelContract
{
    private readonly JsonElement _paths;
    private readonly JsonElement _models;

    private JsonModelContract(JsonElement root)
    {
        _paths = root.TryGetProperty("paths", out var paths) ? paths : default;
        _models = root.GetProperty("models");
        Source = root.TryGetProperty("source", out var source) ? source.GetRawText() : "unknown";
    }

    /// <summary>The <c>source</c> note of the file (repository, commit, files), for failure messages.</summary>
    public string Source { get; }

    public static JsonModelContract Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonModelContract(document.RootElement.Clone());
    }

    public bool HasModel(string model) => _models.TryGetProperty(model, out _);

    /// <summary>True when <paramref name="model"/> defines <paramref name="field"/>.</summary>
    public bool HasField(string model, string field) => Model(model).TryGetProperty(field, out _);

    public IEnumerable<string> FieldsOf(string model) => Model(model).EnumerateObject().Select(field => field.Name);

    /// <summary>The field's declared descriptor (<c>type</c>, <c>ref</c>, ...).</summary>
    public JsonElement Field(string model, string field) => Model(model).GetProperty(field);

    /// <summary>
    /// The descriptors along a dotted path of fields from <paramref name="model"/> (<c>header.supplier.id</c>), following
    /// object refs and array items; null when a step is not a field of its model.
    /// </summary>
    public IReadOnlyList<JsonElement>? FieldsAlong(string model, string dottedPath)
    {
        var trail = new List<JsonElement>();
        var current = model;
        foreach (var name in dottedPath.Split('.'))
        {
            if (current is null || !Model(current).TryGetProperty(name, out var descriptor))
            {
                return null;
            }

            trail.Add(descriptor);
            var target = descriptor.TryGetProperty("items", out var items) ? items : descriptor;
            current = target.TryGetProperty("ref", out var reference) ? reference.GetString() : null;
        }

        return trail;
    }

    /// <summary>The path entry (e.g. <c>GET /api/v3/order-items</c>) whose template matches <paramref name="path"/>; null when none does.</summary>
    public PathMatch? FindPath(string method, string path)
    {
        var segments = Segments(path);
        PathMatch? best = null;
        foreach (var entry in _paths.EnumerateObject())
        {
            var space = entry.Name.IndexOf(' ', StringComparison.Ordinal);
            if (!string.Equals(entry.Name[..space], method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var template = Segments(entry.Name[(space + 1)..]);
            if (template.Length != segments.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matches = true;
            for (var i = 0; i < template.Length && matches; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                {
                    values[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matches = string.Equals(template[i], segments[i], StringComparison.Ordinal);
                }
            }

            // A literal segment beats a parameter, as in a router.
            if (matches && (best is null || values.Count < best.PathValues.Count))
            {
                best = new PathMatch(entry.Name, entry.Value, values);
            }
        }

        return best;
    }

    /// <summary>What is wrong with a request: an undefined path, a query parameter the path does not define, or a value of the wrong type.</summary>
    public IReadOnlyList<string> RequestViolations(string method, string path, string query)
    {
        if (FindPath(method, path) is not { } match)
        {
            return [$"{method} {path} is not a path of the model"];
        }

        var problems = new List<string>();
        var parameters = match.Entry.TryGetProperty("query", out var defined) ? defined : default;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty(name, out var descriptor))
            {
                problems.Add($"{match.Name}: the model defines no query parameter '{name}'");
                continue;
            }

            if (ScalarProblem(descriptor, value) is { } problem)
            {
                problems.Add($"{match.Name}: query parameter '{name}'={value}: {problem}");
            }
        }

        foreach (var (name, value) in match.PathValues)
        {
            if (match.Entry.TryGetProperty("path", out var pathParameters) && pathParameters.TryGetProperty(name, out var descriptor) && ScalarProblem(descriptor, value) is { } problem)
            {
                problems.Add($"{match.Name}: path parameter '{name}'={value}: {problem}");
            }
        }

        return problems;
    }

    /// <summary>Every difference between <paramref name="value"/> and <paramref name="model"/>, with a JSON path each.</summary>
    public IReadOnlyList<string> Violations(JsonElement value, string model, string where = "$")
    {
        var problems = new List<string>();
        CheckObject(value, model, where, problems);
        return problems;
    }

    private JsonElement Model(string model) =>
        _models.TryGetProperty(model, out var fields) ? fields : throw new KeyNotFoundException($"The model has no '{model}' ({Source}).");

    private void CheckObject(JsonElement value, string model, string where, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: expected a {model} object, got {value.ValueKind}");
            return;
        }

        var fields = Model(model);
        foreach (var property in value.EnumerateObject())
        {
            if (!fields.TryGetProperty(property.Name, out var descriptor))
            {
                problems.Add($"{where}.{property.Name}: {model} has no such field");
                continue;
            }

            CheckValue(property.Value, descriptor, $"{where}.{property.Name}", problems);
        }

        foreach (var field in fields.EnumerateObject())
        {
            if (field.Value.TryGetProperty("required", out var required) && required.GetBoolean() && !value.TryGetProperty(field.Name, out _))
            {
                problems.Add($"{where}.{field.Name}: required by {model} but absent");
            }
        }
    }

    private void CheckValue(JsonElement value, JsonElement descriptor, string where, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(descriptor.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()) && Type(descriptor) != "any")
            {
                problems.Add($"{where}: null, but the model does not allow null");
            }

            return;
        }

        if (descriptor.TryGetProperty("anyOf", out var choices))
        {
            var attempts = choices.EnumerateArray().Select(choice =>
            {
                var inner = new List<string>();
                CheckValue(value, choice, where, inner);
                return inner;
            }).ToList();
            if (attempts.All(attempt => attempt.Count > 0))
            {
                problems.AddRange(attempts[0]);
            }

            return;
        }

        switch (Type(descriptor))
        {
            case "any":
                return;
            case "object" when descriptor.TryGetProperty("ref", out var reference):
                CheckObject(value, reference.GetString()!, where, problems);
                return;
            case "object":
                Expect(value, JsonValueKind.Object, where, problems);
                return;
            case "array":
                if (Expect(value, JsonValueKind.Array, where, problems) && descriptor.TryGetProperty("items", out var items))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        CheckValue(item, items, $"{where}[{index++}]", problems);
                    }
                }

                return;
            case "string":
                if (Expect(value, JsonValueKind.String, where, problems) && ScalarProblem(descriptor, value.GetString()!) is { } textProblem)
                {
                    problems.Add($"{where}: {textProblem}");
                }

                return;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    problems.Add($"{where}: expected an integer, got {Truncate(value.GetRawText())}");
                }
                else if (ScalarProblem(descriptor, value.GetRawText()) is { } numberProblem)
                {
                    problems.Add($"{where}: {numberProblem}");
                }

                return;
            case "number":
                Expect(value, JsonValueKind.Number, where, problems);
                return;
            case "boolean":
                if (value.ValueKind is not JsonValueKind.True and not JsonValueKind.False)
                {
                    problems.Add($"{where}: expected a boolean, got {Truncate(value.GetRawText())}");
                }

                return;
            default:
                problems.Add($"{where}: the model's type '{Type(descriptor)}' is not understood");
                return;
        }
    }

    /// <summary>A text value (query string or JSON string/number) against a scalar descriptor: type, format and enum.</summary>
    private static string? ScalarProblem(JsonElement descriptor, string text)
    {
        var type = Type(descriptor);
        var format = descriptor.TryGetProperty("format", out var f) ? f.GetString() : null;
        var wellFormed = (type, format) switch
        {
            ("integer", _) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            ("number", _) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            ("boolean", _) => text is "true" or "false" or "True" or "False",
            ("string", "date") => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            ("string", "date-time") => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!wellFormed)
        {
            return $"not a{(type == "integer" ? "n" : string.Empty)} {type}{(format is null ? string.Empty : $" ({format})")}";
        }

        if (descriptor.TryGetProperty("enum", out var values) &&
            !values.EnumerateArray().Any(allowed => string.Equals(allowed.ValueKind == JsonValueKind.String ? allowed.GetString() : allowed.GetRawText(), text, StringComparison.Ordinal)))
        {
            return $"not one of the model's values {values.GetRawText()}";
        }

        return null;
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string where, List<string> problems)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        problems.Add($"{where}: expected {kind}, got {value.ValueKind} {Truncate(value.GetRawText())}");
        return false;
    }

    private static string Type(JsonElement descriptor) => descriptor.TryGetProperty("type", out var type) ? type.GetString()! : "any";

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "...";
}

/// <summary>A path entry of the model that a request path matched, with the values of its <c>{parameters}</c>.</summary>
public sealed record PathMatch(string Name, JsonElement Entry, IReadOnlyDictionary<string, string> PathValues)
{
    /// <summary>The model of the 200 response, when the path declares one.</summary>
    public string? ResponseModel => Entry.TryGetProperty("response", out var response) ? response.GetString() : null;
}
