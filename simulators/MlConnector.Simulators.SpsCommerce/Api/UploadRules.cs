using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>
/// What SPS checks on an RSX 7.7.7 JSON upload to <c>in/</c> (the published JSON schemas: root = one document or an
/// array, <c>additionalProperties:false</c>, <c>Header</c> required, the header's trading partner and document number
/// required). Files that are not <c>.json</c> are stored unchecked (RSX XML is out of scope here).
/// </summary>
internal sealed class UploadRules
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "Meta", "Header", "LineItem", "Summary" };

    public List<Dictionary<string, string>> Validate(string path, byte[] content)
    {
        var errors = new List<Dictionary<string, string>>();
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return errors;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (JsonException exception)
        {
            errors.Add(Error("$", "Malformed JSON: " + exception.Message));
            return errors;
        }

        var documents = root switch
        {
            JsonArray array => array.Select((d, i) => (d, $"$[{i}]")).ToList(),
            JsonObject => [(root, "$")],
            _ => [],
        };
        if (documents.Count == 0)
        {
            errors.Add(Error("$", "The root must be an RSX document or an array of documents."));
        }

        foreach (var (node, at) in documents)
        {
            if (node is not JsonObject document)
            {
                errors.Add(Error(at, "Each document must be an object."));
                continue;
            }

            foreach (var (name, _) in document)
            {
                if (!TopLevel.Contains(name))
                {
                    errors.Add(Error($"{at}.{name}", $"Additional property '{name}' is not allowed."));
                }
            }

            if (document["Header"] is not JsonObject header)
            {
                errors.Add(Error($"{at}.Header", "Required property 'Header' is missing."));
                continue;
            }

            var (headerName, numberField) = header.ContainsKey("InvoiceHeader") ? ("InvoiceHeader", "InvoiceNumber") : ("OrderHeader", "PurchaseOrderNumber");
            if (header[headerName] is not JsonObject documentHeader)
            {
                errors.Add(Error($"{at}.Header.{headerName}", $"Required property '{headerName}' is missing."));
                continue;
            }

            foreach (var field in new[] { "TradingPartnerId", numberField })
            {
                if (documentHeader[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.ToString()))
                {
                    errors.Add(Error($"{at}.Header.{headerName}.{field}", $"Required property '{field}' is missing or empty."));
                }
            }

            if (headerName == "OrderHeader" && documentHeader["AcknowledgementType"] is null)
            {
                errors.Add(Error($"{at}.Header.OrderHeader.AcknowledgementType", "Required property 'AcknowledgementType' is missing (OrderAcks)."));
            }

            if (document["LineItem"] is { } lines && lines is not JsonArray)
            {
                errors.Add(Error($"{at}.LineItem", "LineItem must be an array."));
            }
        }

        return errors;
    }

    private static Dictionary<string, string> Error(string field, string message) => new() { ["field"] = field, ["message"] = message };
}
