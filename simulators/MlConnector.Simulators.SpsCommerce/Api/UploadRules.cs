using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MlConnector.Simulators.SpsCommerce.Contracts;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>
/// What SPS checks on an RSX 7.7.7 JSON upload to <c>in/</c>: the document against SPS's contract for its type
/// (<see cref="RsxContract"/>: the published 855/810 schemas, the 856 full-field structure), after an optional UTF-8
/// byte order mark. Where the contract files are absent the simulator says so once and checks only what every RSX
/// document needs (an object or array root, a Header with the trading partner and document number). RSX XML files
/// (<c>.xml</c>) are stored unchecked.
/// </summary>
internal sealed class UploadRules(SpsCommerceSimulatorOptions options, ILogger<UploadRules> logger)
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "Meta", "Header", "LineItem", "Summary", "OrderLevel" };
    private readonly Lazy<RsxContract?> _contract = new(() =>
    {
        var contract = options.ContractsDirectory is { } directory ? (RsxContractFiles.HasFiles(directory) ? RsxContract.From(directory) : null) : RsxContract.Default;
        if (contract is null)
        {
            logger.LogWarning("{Reason} Uploads are checked for their RSX envelope only.", RsxContractFiles.MissingReason);
        }

        return contract;
    });

    /// <summary>True when uploads are held to SPS's full contract.</summary>
    public bool ChecksContract => _contract.Value is not null;

    public IReadOnlyList<RsxViolation> Validate(string path, byte[] content)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        JsonNode? root;
        try
        {
            root = RsxContract.Parse(content);
        }
        catch (JsonException exception)
        {
            return [new RsxViolation("$", "Malformed JSON: " + exception.Message)];
        }

        var type = RsxContract.TypeOf(root);
        if (_contract.Value is { } contract && type is { } documentType)
        {
            return contract.Validate(documentType, root);
        }

        return Envelope(root);
    }

    private static List<RsxViolation> Envelope(JsonNode? root)
    {
        var errors = new List<RsxViolation>();
        var documents = root switch
        {
            JsonArray array => array.Select((d, i) => (d, $"$[{i}]")).ToList(),
            JsonObject => [(root, "$")],
            _ => [],
        };
        if (documents.Count == 0)
        {
            errors.Add(new RsxViolation("$", "The root must be an RSX document or an array of documents."));
        }

        foreach (var (node, at) in documents)
        {
            if (node is not JsonObject document)
            {
                errors.Add(new RsxViolation(at, "Each document must be an object."));
                continue;
            }

            errors.AddRange(document.Where(p => !TopLevel.Contains(p.Key)).Select(p => new RsxViolation($"{at}.{p.Key}", $"{at} must NOT have additional properties ({p.Key}).")));
            if (document["Header"] is not JsonObject header)
            {
                errors.Add(new RsxViolation($"{at}.Header", $"Required property 'Header' is missing at {at}."));
                continue;
            }

            var (headerName, numberField) =
                header.ContainsKey("InvoiceHeader") ? ("InvoiceHeader", "InvoiceNumber") :
                header.ContainsKey("ShipmentHeader") ? ("ShipmentHeader", "ShipmentIdentification") : ("OrderHeader", "PurchaseOrderNumber");
            if (header[headerName] is not JsonObject documentHeader)
            {
                errors.Add(new RsxViolation($"{at}.Header.{headerName}", $"Required property '{headerName}' is missing at {at}.Header."));
                continue;
            }

            foreach (var field in new[] { "TradingPartnerId", numberField })
            {
                if (documentHeader[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.ToString()))
                {
                    errors.Add(new RsxViolation($"{at}.Header.{headerName}.{field}", $"Required property '{field}' is missing at {at}.Header.{headerName}."));
                }
            }
        }

        return errors;
    }
}
