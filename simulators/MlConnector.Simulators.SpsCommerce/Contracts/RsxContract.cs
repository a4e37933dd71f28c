using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MlConnector.Simulators.SpsCommerce.Contracts;

/// <summary>One way a document breaks SPS's contract: where (a JSON path such as <c>$.LineItem[0].InvoiceLine</c>) and why.</summary>
public sealed record RsxViolation(string Field, string Message);

/// <summary>
/// SPS's RSX 7.7.7 contract, checked with a maintained JSON Schema validator (JsonSchema.Net, draft-07): OrderAcks and
/// Invoices against SPS's published schemas, Orders and Shipments against the structure of SPS's full-field examples
/// (no schema for them was published to us). A file may be one document or an array of them and may begin with a
/// UTF-8 byte order mark, as SPS's own files do. Times may omit the UTC offset: SPS's schemas format them
/// <c>time</c>, and SPS's own documents write <c>HH:MM:SS</c>.
/// </summary>
public sealed class RsxContract
{
    private static readonly ConcurrentDictionary<string, RsxContract> Loaded = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<RsxDocumentType, Lazy<JsonSchema>> _schemas = new();
    private readonly EvaluationOptions _options;

    private RsxContract(string directory)
    {
        Directory = directory;
        var formats = new FormatRegistry();
        formats.Register(new RegexFormat("time", @"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$"));
        _options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true, FormatRegistry = formats };
    }

    /// <summary>The contract in the shared contracts folder, or null where that folder is absent.</summary>
    public static RsxContract? Default => RsxContractFiles.Directory is { } directory ? From(directory) : null;

    public string Directory { get; }

    public static RsxContract From(string directory) => Loaded.GetOrAdd(Path.GetFullPath(directory), path => new RsxContract(path));

    /// <summary>The document type a file carries: by its header (<c>InvoiceHeader</c>, <c>ShipmentHeader</c>; <c>OrderHeader</c> with an
    /// <c>AcknowledgementType</c> is an 855, without one an 850), else null.</summary>
    public static RsxDocumentType? TypeOf(JsonNode? root)
    {
        var document = root is JsonArray array ? array.FirstOrDefault() : root;
        var header = (document as JsonObject)?["Header"] as JsonObject;
        return header switch
        {
            null => null,
            _ when header.ContainsKey("InvoiceHeader") => RsxDocumentType.Invoices,
            _ when header.ContainsKey("ShipmentHeader") => RsxDocumentType.Shipments,
            _ when header["OrderHeader"] is JsonObject order => order.ContainsKey("AcknowledgementType") ? RsxDocumentType.OrderAcks : RsxDocumentType.Orders,
            _ => null,
        };
    }

    /// <summary>Parses RSX JSON bytes as SPS reads them: an optional UTF-8 byte order mark, then JSON (CRLF line ends are whitespace).</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> content) =>
        JsonNode.Parse(content.StartsWith("\uFEFF"u8) ? content[3..] : content);

    /// <summary>Every violation of <paramref name="type"/>'s contract in <paramref name="content"/>; empty when SPS would accept it.</summary>
    public IReadOnlyList<RsxViolation> Validate(RsxDocumentType type, ReadOnlySpan<byte> content)
    {
        JsonNode? root;
        try
        {
            root = Parse(content);
        }
        catch (JsonException exception)
        {
            return [new RsxViolation("$", "Malformed JSON: " + exception.Message)];
        }

        return Validate(type, root);
    }

    public IReadOnlyList<RsxViolation> Validate(RsxDocumentType type, JsonNode? root)
    {
        var documents = root switch
        {
            JsonArray array => array.Select((document, i) => (document, $"$[{i.ToString(CultureInfo.InvariantCulture)}]")).ToList(),
            JsonObject => [(root, "$")],
            _ => [],
        };
        if (documents.Count == 0)
        {
            return [new RsxViolation("$", "The root must be an RSX document or an array of documents.")];
        }

        var schema = Schema(type);
        var violations = new List<RsxViolation>();
        foreach (var (document, at) in documents)
        {
            using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
            var results = schema.Evaluate(json.RootElement, _options);
            if (!results.IsValid)
            {
                violations.AddRange(Describe(results, at));
            }
        }

        return violations.Distinct().ToList();
    }

    private JsonSchema Schema(RsxDocumentType type) => _schemas.GetOrAdd(type, t => new Lazy<JsonSchema>(() => Load(t))).Value;

    private JsonSchema Load(RsxDocumentType type)
    {
        var root = type switch
        {
            RsxDocumentType.OrderAcks or RsxDocumentType.Invoices => OneDocument(JsonNode.Parse(File.ReadAllBytes(RsxContractFiles.FileFor(Directory, type, sample: false)).AsSpan().TrimBom())!.AsObject(), type),
            RsxDocumentType.Orders => SampleStructureSchema.Build(Sample(type), "OrderHeader", "PurchaseOrderNumber"),
            _ => SampleStructureSchema.Build(Sample(type), "ShipmentHeader", "ShipmentIdentification"),
        };

        // A document of its own per load: the registry keys schemas by base URI.
        var options = new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() };
        // The schema keeps the elements it was built from: they must outlive this method.
        var element = JsonSerializer.SerializeToElement(root);
        return JsonSchema.Build(element, options, new Uri($"urn:sps-rsx-7.7.7:{type}:{Guid.NewGuid():N}"));
    }

    private JsonNode Sample(RsxDocumentType type) => JsonNode.Parse(File.ReadAllBytes(RsxContractFiles.FileFor(Directory, type, sample: true)).AsSpan().TrimBom())!;

    /// <summary>SPS's schema checks the root as one document or an array; each document of a file is checked alone here so errors name it.</summary>
    private static JsonObject OneDocument(JsonObject published, RsxDocumentType type)
    {
        var definition = type == RsxDocumentType.OrderAcks ? "OrderAck" : "Invoice";
        return new JsonObject
        {
            ["definitions"] = published["definitions"]!.DeepClone(),
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/definitions/{definition}" }),
        };
    }

    private static IEnumerable<RsxViolation> Describe(EvaluationResults results, string at)
    {
        foreach (var detail in results.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var where = JsonPath(at, detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in errors)
            {
                if (keyword == "required")
                {
                    foreach (var missing in MissingNames(message))
                    {
                        yield return new RsxViolation($"{where}.{missing}", $"Required property '{missing}' is missing at {where}.");
                    }
                }
                else if ((keyword == "additionalProperties" || message.Contains("false schema", StringComparison.Ordinal)) && where.LastIndexOf('.') is var dot && dot > 0)
                {
                    var name = where[(dot + 1)..];
                    yield return new RsxViolation(where, $"{where[..dot]} must NOT have additional properties ({name}).");
                }
                else
                {
                    yield return new RsxViolation(where, $"{where}: {message}");
                }
            }
        }
    }

    /// <summary>The property names a <c>required</c> error lists (<c>Required properties ["A", "B"] are not present</c>).</summary>
    private static IEnumerable<string> MissingNames(string message)
    {
        var start = message.IndexOf('[', StringComparison.Ordinal);
        var end = message.LastIndexOf(']');
        if (start < 0 || end <= start)
        {
            return [message];
        }

        return message[(start + 1)..end].Split(',').Select(name => name.Trim().Trim('"')).Where(name => name.Length > 0);
    }

    /// <summary><c>/LineItem/0/InvoiceLine</c> under <c>$</c> as <c>$.LineItem[0].InvoiceLine</c>.</summary>
    private static string JsonPath(string at, string pointer)
    {
        var path = new StringBuilder(at);
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{name}]" : "." + name);
        }

        return path.ToString();
    }
}

internal static class ByteSpanExtensions
{
    public static ReadOnlySpan<byte> TrimBom(this Span<byte> content) => content.StartsWith("\uFEFF"u8) ? content[3..] : content;
}
