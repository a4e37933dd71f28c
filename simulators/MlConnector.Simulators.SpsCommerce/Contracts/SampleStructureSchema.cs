using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlConnector.Simulators.SpsCommerce.Contracts;

/// <summary>
/// A draft-07 schema derived from one of SPS's full-field example documents, for the document types whose schema SPS
/// has not published to us (Orders, Shipments): every object closed to the names the example uses
/// (<c>additionalProperties: false</c>, as in all SPS schemas), each leaf typed as the example types it, dates and
/// times formatted as SPS's schemas format them, and the header's trading partner and document number required.
/// </summary>
internal static partial class SampleStructureSchema
{
    public static JsonObject Build(JsonNode sample, string headerName, string numberField) =>
        new()
        {
            ["definitions"] = new JsonObject { ["Document"] = Document(sample, headerName, numberField) },
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/Document" }),
        };

    private static JsonObject Document(JsonNode sample, string headerName, string numberField)
    {
        var document = Describe(sample is JsonArray array ? Merge(array) : sample, name: null);
        document["required"] = new JsonArray("Header");
        var header = (JsonObject)document["properties"]!["Header"]!;
        header["required"] = new JsonArray(headerName);
        var documentHeader = (JsonObject)header["properties"]![headerName]!;
        documentHeader["required"] = new JsonArray("TradingPartnerId", numberField);

        // The same relationship id the published 855/810 schemas bound to 1-15 characters.
        var partner = (JsonObject)documentHeader["properties"]!["TradingPartnerId"]!;
        partner["minLength"] = 1;
        partner["maxLength"] = 15;
        return document;
    }

    private static JsonObject Describe(JsonNode? node, string? name) => node switch
    {
        JsonObject obj => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Describe(p.Value, p.Key)))),
        },
        JsonArray array => new JsonObject { ["type"] = "array", ["items"] = Describe(Merge(array), name) },
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => Text(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => new JsonObject { ["type"] = "boolean" },
        _ => new JsonObject { ["type"] = "number" },
    };

    private static JsonObject Text(string example)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (DatePattern().IsMatch(example))
        {
            schema["format"] = "date";
        }
        else if (TimePattern().IsMatch(example))
        {
            schema["format"] = "time";
        }

        return schema;
    }

    /// <summary>One element standing for every element of an example array: objects merged by property name.</summary>
    private static JsonNode? Merge(JsonArray array)
    {
        if (array.Count == 0)
        {
            return null;
        }

        if (array.Any(element => element is not JsonObject))
        {
            return array[0]?.DeepClone();
        }

        var merged = new JsonObject();
        foreach (var element in array.OfType<JsonObject>())
        {
            foreach (var (key, value) in element)
            {
                if (!merged.ContainsKey(key))
                {
                    merged[key] = value?.DeepClone();
                }
                else if (merged[key] is JsonObject existing && value is JsonObject addition)
                {
                    merged[key] = Merge(new JsonArray(existing.DeepClone(), addition.DeepClone()));
                }
            }
        }

        return merged;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}")]
    private static partial Regex TimePattern();
}
