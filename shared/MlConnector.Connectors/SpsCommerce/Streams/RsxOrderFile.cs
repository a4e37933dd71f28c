using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SpsCommerce.Streams;

/// <summary>
/// Splits one RSX 7.7.7 JSON Orders file (root = one <c>Order</c> or an array of them) into source records: key
/// <c>{TradingPartnerId}~{PurchaseOrderNumber}</c>, version = hash of the order's bytes, payload
/// <c>{"file": path, "order": {...}}</c>. A file that is not RSX JSON becomes one record
/// <c>{"file": path, "error": why}</c> keyed by its path, so the map stage records the reason instead of losing the file.
/// </summary>
public static class RsxOrderFile
{
    public const string FileProperty = "file";
    public const string OrderProperty = "order";
    public const string ErrorProperty = "error";
    public const string ContentProperty = "content";

    /// <summary>Largest share of a malformed file kept on its record (the file itself is removed from SPS once recorded).</summary>
    private const int MaxKeptCharacters = 32 * 1024;

    public static IReadOnlyList<SourceRecord> Read(string path, byte[] content)
    {
        JsonNode? root;
        try
        {
            // SPS may prefix a UTF-8 byte order mark.
            var span = content.AsSpan();
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            root = JsonNode.Parse(span.ToArray());
        }
        catch (JsonException exception)
        {
            return [Malformed(path, content, $"is not valid JSON ({exception.Message})")];
        }

        var orders = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject => [root],
            _ => [],
        };
        if (orders.Count == 0)
        {
            return [Malformed(path, content, "holds no RSX Order (the root must be an Order object or an array of them)")];
        }

        var records = new List<SourceRecord>();
        for (var i = 0; i < orders.Count; i++)
        {
            var header = orders[i]?["Header"]?["OrderHeader"];
            var partner = Text(header?["TradingPartnerId"]);
            var number = Text(header?["PurchaseOrderNumber"]);
            if (orders[i] is not JsonObject order || partner is null || number is null)
            {
                records.Add(Malformed(path + (orders.Count > 1 ? $"#{i + 1}" : string.Empty), content,
                    $"{(orders.Count > 1 ? $"document {i + 1} " : string.Empty)}has no Header.OrderHeader.TradingPartnerId and PurchaseOrderNumber (not an RSX 7.7.7 Order)"));
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(order.ToJsonString());
            var payload = new JsonObject { [FileProperty] = path, [OrderProperty] = order.DeepClone() };
            records.Add(new SourceRecord($"{partner}~{number}", Hash(bytes), null, JsonSerializer.SerializeToElement(payload)));
        }

        return records;
    }

    private static SourceRecord Malformed(string path, byte[] content, string why)
    {
        var text = Encoding.UTF8.GetString(content);
        return new("file~" + path, Hash(content), null, JsonSerializer.SerializeToElement(new JsonObject
        {
            [FileProperty] = path,
            [ErrorProperty] = $"SPS file {path} {why}.",
            [ContentProperty] = text.Length <= MaxKeptCharacters ? text : text[..MaxKeptCharacters],
        }));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes))[..24].ToLowerInvariant();
}
