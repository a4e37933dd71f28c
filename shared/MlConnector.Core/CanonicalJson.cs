using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlConnector.Core;

/// <summary>The one JSON shape for canonical documents, queue envelopes and audit payloads: camelCase, enums as names.</summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static T FromElement<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
