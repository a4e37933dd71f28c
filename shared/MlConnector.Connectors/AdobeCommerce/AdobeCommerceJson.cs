using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// Commerce speaks snake_case, and event payloads built from model data carry numbers as strings
/// (<c>"entity_id":"42"</c>, <c>"price":"10.0000"</c>), so numbers are read from strings too.
/// </summary>
public static class AdobeCommerceJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
