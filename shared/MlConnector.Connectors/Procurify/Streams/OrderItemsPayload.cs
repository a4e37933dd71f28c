using System.Buffers;
using System.Text.Json;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>An order's JSON with its lines attached as <c>order_items</c>: the shape of the v2 detail, which the mappers read.</summary>
public static class OrderItemsPayload
{
    public static JsonElement Attach(JsonElement order, IEnumerable<JsonElement> lines)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in order.EnumerateObject().Where(property => !property.NameEquals("order_items")))
            {
                property.WriteTo(writer);
            }

            writer.WriteStartArray("order_items");
            foreach (var line in lines)
            {
                line.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }
}
