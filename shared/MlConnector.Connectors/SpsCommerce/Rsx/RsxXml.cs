using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace MlConnector.Connectors.SpsCommerce.Rsx;

/// <summary>
/// RSX 7.7.7 XML as the JSON shape: the XML flavour uses the same element names (<c>&lt;Orders xmlns="http://www.spscommerce.com/RSX"&gt;
/// &lt;Order&gt;&lt;Header&gt;&lt;OrderHeader&gt;...</c>), so each element becomes a property, repeated elements an array, text a
/// string. Readers of the result accept a single object where RSX JSON has an array, and numbers written as text.
/// </summary>
public static class RsxXml
{
    /// <summary>True when the bytes (after an optional byte order mark and whitespace) start an XML document.</summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && content[start] == (byte)'<';
    }

    /// <summary>The documents of an RSX XML file (<c>Orders/Order</c>, or a single <c>Order</c> root) as RSX JSON objects.</summary>
    public static IReadOnlyList<JsonObject> Documents(byte[] content)
    {
        XDocument xml;
        using (var stream = new MemoryStream(content))
        {
            xml = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        }

        var root = xml.Root ?? throw new XmlException("The file has no root element.");
        var documents = root.Elements().Any(e => e.Name.LocalName == "Header") ? [root] : root.Elements().ToList();
        return documents.Select(document => (JsonObject)Convert(document)).ToList();
    }

    private static JsonNode Convert(XElement element)
    {
        if (!element.HasElements)
        {
            return JsonValue.Create(element.Value.Trim());
        }

        var node = new JsonObject();
        foreach (var group in element.Elements().GroupBy(child => child.Name.LocalName, StringComparer.Ordinal))
        {
            var values = group.Select(Convert).ToList();
            node[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values]);
        }

        return node;
    }
}
