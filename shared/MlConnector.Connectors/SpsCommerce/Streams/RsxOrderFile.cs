using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using MlConnector.Connectors.SpsCommerce.Rsx;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SpsCommerce.Streams;

/// <summary>
/// Splits one RSX 7.7.7 Orders file (JSON: one <c>Order</c> or an array of them; XML: <c>Orders/Order</c>, same element
/// names) into source records, one per order in the file, so that no version of a PO is merged into another: key
/// <c>{TradingPartnerId}~{PurchaseOrderNumber}~{file name}</c> (with <c>#n</c> when the file holds several orders), version
/// = hash of the order's bytes, payload <c>{"file", "order", "available"}</c> where <c>available</c> orders the PO's
/// versions as SPS made them available (the listing of the run that found the file). A file that is not RSX becomes one
/// record <c>{"file", "error", "content"}</c> keyed by its path, so the map stage records the reason instead of losing it.
/// </summary>
public static class RsxOrderFile
{
    public const string FileProperty = "file";
    public const string OrderProperty = "order";
    public const string ErrorProperty = "error";
    public const string ContentProperty = "content";
    public const string AvailableProperty = "available";

    /// <summary>Largest share of a malformed file kept on its record (the file itself is removed from SPS once recorded).</summary>
    private const int MaxKeptCharacters = 32 * 1024;

    /// <param name="available">Where this file stands in the order SPS made files available; sorts as text.</param>
    public static IReadOnlyList<SourceRecord> Read(string path, byte[] content, string available)
    {
        IReadOnlyList<JsonNode?> orders;
        try
        {
            orders = RsxXml.LooksLikeXml(content) ? RsxXml.Documents(content) : Json(content);
        }
        catch (JsonException exception)
        {
            return [Malformed(path, content, $"is not valid JSON ({exception.Message})")];
        }
        catch (XmlException exception)
        {
            return [Malformed(path, content, $"looks like RSX XML but is not well-formed XML ({exception.Message})")];
        }

        if (orders.Count == 0)
        {
            return [Malformed(path, content, "holds no RSX Order (the root must be an Order object or an array of them)")];
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        var records = new List<SourceRecord>();
        for (var i = 0; i < orders.Count; i++)
        {
            var suffix = orders.Count > 1 ? $"#{i + 1}" : string.Empty;
            var header = orders[i]?["Header"]?["OrderHeader"];
            var partner = Text(header?["TradingPartnerId"]);
            var number = Text(header?["PurchaseOrderNumber"]);
            if (orders[i] is not JsonObject order || partner is null || number is null)
            {
                records.Add(Malformed(path + suffix, content,
                    $"{(orders.Count > 1 ? $"document {i + 1} " : string.Empty)}has no Header.OrderHeader.TradingPartnerId and PurchaseOrderNumber (not an RSX 7.7.7 Order)"));
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(order.ToJsonString());
            var payload = new JsonObject { [FileProperty] = path, [OrderProperty] = order.DeepClone(), [AvailableProperty] = $"{available}-{i:D3}" };
            records.Add(new SourceRecord($"{Key(partner, number)}~{name}{suffix}", Hash(bytes), null, JsonSerializer.SerializeToElement(payload)));
        }

        return records;
    }

    /// <summary>The SPS order key the X3 order carries as its external reference: trading partner and PO number.</summary>
    public static string Key(string partner, string purchaseOrderNumber) => $"{partner}~{purchaseOrderNumber}";

    private static List<JsonNode?> Json(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var root = JsonNode.Parse(span);
        return root switch
        {
            JsonArray array => [.. array],
            JsonObject => [root],
            _ => [],
        };
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
