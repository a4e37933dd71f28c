using System.Buffers;
using System.Text.Json;
using static MlConnector.Connectors.Procurify.ProcurifyFields;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// An order's JSON with its lines attached as <c>order_items</c> (the shape of the v2 detail, which the mappers read)
/// and, under <c>mlc:references</c>, the accounts and vendors the lines name only by id. Procurify's own fields are
/// written as Procurify sent them.
/// </summary>
public static class OrderItemsPayload
{
    public static JsonElement Attach(JsonElement order, IEnumerable<JsonElement> lines, ResolvedReferences references)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in order.EnumerateObject().Where(property => !property.NameEquals(PurchaseOrderDetail.Lines) && !property.NameEquals(Resolved.References)))
            {
                property.WriteTo(writer);
            }

            writer.WriteStartArray(PurchaseOrderDetail.Lines);
            foreach (var line in lines)
            {
                line.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (!references.IsEmpty)
            {
                writer.WriteStartObject(Resolved.References);
                WriteMap(writer, Resolved.Accounts, references.Accounts);
                WriteMap(writer, Resolved.Vendors, references.Vendors);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, JsonElement> objects)
    {
        writer.WriteStartObject(name);
        foreach (var (id, value) in objects)
        {
            writer.WritePropertyName(id);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
