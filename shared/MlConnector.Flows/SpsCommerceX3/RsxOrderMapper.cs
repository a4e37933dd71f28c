using System.Globalization;
using System.Text.Json;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// An RSX 7.7.7 Order (a retailer's 850) to an X3 sales order. The trading partner becomes the X3 customer through the
/// <c>trading-partner</c> mapping; each line's item is the <c>item-number</c> mapping of the buyer's part number (or
/// UPC/GTIN/vendor part number), else the vendor part number itself when X3 knows it. Every problem is reported at
/// once, and the rejected order is retried on each sync until a mapping (or the X3 record) fixes it.
/// </summary>
public sealed class RsxOrderMapper(IMappingTables mappings, IReferenceData reference, SpsCommerceX3Options options) : IRecordMapper
{
    public const string DocumentKind = "x3-sales-order";

    /// <summary>RSX line identifiers tried against the item-number mapping, in this order.</summary>
    private static readonly string[] ItemIdentifiers = ["BuyerPartNumber", "ConsumerPackageCode", "GTIN", "UPCCaseCode", "VendorPartNumber"];

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var payload = record.Payload;
        if (Text(payload, RsxOrderFile.ErrorProperty) is { } error)
        {
            return MapResult.Rejected(error + " The file's content is kept on this record; ask the trading partner (through SPS) to resend a corrected order.");
        }

        if (!payload.TryGetProperty(RsxOrderFile.OrderProperty, out var order) || order.ValueKind != JsonValueKind.Object)
        {
            return MapResult.Rejected($"SPS record {record.Key} carries no RSX order.");
        }

        var header = Path(order, "Header", "OrderHeader");
        var partner = Text(header, "TradingPartnerId") ?? string.Empty;
        var number = Text(header, "PurchaseOrderNumber") ?? string.Empty;
        var label = $"PO {number} from trading partner {partner}";
        var problems = new List<string>();

        var orderDate = Date(Text(header, "PurchaseOrderDate"));
        if (orderDate is null)
        {
            problems.Add($"{label} has no valid PurchaseOrderDate");
        }

        var customer = await mappings.LookupAsync(MappingTableNames.TradingPartner, partner, cancellationToken);
        if (customer is null)
        {
            problems.Add($"Trading partner {partner} ({label}) has no X3 customer: add the row {MappingTableNames.TradingPartner},{partner},<X3 customer code> with `mlc mappings import`");
        }
        else if (!await reference.ExistsAsync(ReferenceKind.Customer, customer, cancellationToken))
        {
            problems.Add($"Customer {customer} (trading partner {partner}, {label}) does not exist in {reference.Scope}: create it in X3 or correct the {MappingTableNames.TradingPartner} mapping");
        }

        var lines = new List<SalesOrderLine>();
        var items = order.TryGetProperty("LineItem", out var lineItems) && lineItems.ValueKind == JsonValueKind.Array ? lineItems.EnumerateArray().ToList() : [];
        if (items.Count == 0)
        {
            problems.Add($"{label} has no LineItem");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var line = Path(items[i], "OrderLine");
            var sequence = Text(line, "LineSequenceNumber") ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            var where = $"line {sequence} of {label}";
            var quantity = Number(line, "OrderQty");
            if (quantity is not > 0)
            {
                problems.Add($"{where} has no positive OrderQty");
            }

            var item = await ResolveItemAsync(line, where, problems, cancellationToken);
            if (item is null || quantity is not > 0)
            {
                continue;
            }

            var unit = Text(line, "OrderQtyUOM") ?? "EA";
            lines.Add(new SalesOrderLine
            {
                LineNumber = int.TryParse(sequence, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n * 1000 : (i + 1) * 1000,
                ItemCode = item,
                Description = items[i].TryGetProperty("ProductOrItemDescription", out var descriptions) && descriptions.ValueKind == JsonValueKind.Array
                    ? descriptions.EnumerateArray().Select(d => Text(d, "ProductDescription")).FirstOrDefault(d => d is not null)
                    : null,
                Quantity = quantity.Value,
                Unit = unit == "EA" ? options.EachUnit : unit,
                UnitPrice = Number(line, "PurchasePrice") ?? 0m,
            });
        }

        if (problems.Count > 0)
        {
            return MapResult.Rejected(string.Join("; ", problems));
        }

        var purpose = Text(header, "TsetPurposeCode");
        var salesOrder = new SalesOrder
        {
            SourceId = record.Key,
            CustomerOrderNumber = number,
            Customer = new PartyReference(customer!, partner),
            OrderDate = orderDate!.Value,
            Currency = Text(header, "BuyersCurrency") ?? options.DefaultCurrency,
            Site = options.Site.Length == 0 ? null : options.Site,
            RequestedDate = RequestedDate(order),
            Status = purpose == "01" ? PurchaseOrderStatus.Cancelled : PurchaseOrderStatus.Open,
            Lines = lines,
        };
        var action = salesOrder.Status == PurchaseOrderStatus.Cancelled ? "Close" : "Sales order";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{action} for {label}: customer {customer}, {lines.Count} lines, {salesOrder.TotalExcludingTax:0.00} {salesOrder.Currency}");
        return MapResult.Mapped(new TargetDocument(DocumentKind, record.Key, summary, CanonicalJson.ToElement(salesOrder)));
    }

    private async Task<string?> ResolveItemAsync(JsonElement line, string where, List<string> problems, CancellationToken cancellationToken)
    {
        var named = new List<string>();
        foreach (var field in ItemIdentifiers)
        {
            if (Text(line, field) is not { } value)
            {
                continue;
            }

            named.Add($"{field} {value}");
            if (await mappings.LookupAsync(MappingTableNames.ItemNumber, value, cancellationToken) is { } mapped)
            {
                if (await reference.ExistsAsync(ReferenceKind.Product, mapped, cancellationToken))
                {
                    return mapped;
                }

                problems.Add($"Product {mapped} (mapped from {field} {value}, {where}) does not exist in {reference.Scope}: create it in X3 or correct the {MappingTableNames.ItemNumber} mapping");
                return null;
            }
        }

        if (Text(line, "VendorPartNumber") is { } vendorPart && await reference.ExistsAsync(ReferenceKind.Product, vendorPart, cancellationToken))
        {
            return vendorPart;
        }

        problems.Add(named.Count == 0
            ? $"{where} names no item (no BuyerPartNumber, VendorPartNumber, ConsumerPackageCode or GTIN)"
            : $"Item {string.Join(" / ", named)} ({where}) is not an X3 product: add the row {MappingTableNames.ItemNumber},{Text(line, named[0].Split(' ')[0])},<X3 item> with `mlc mappings import`");
        return null;
    }

    /// <summary>The requested delivery date (qualifier 002), else the requested ship date (010).</summary>
    private static DateOnly? RequestedDate(JsonElement order)
    {
        if (Path(order, "Header") is not { ValueKind: JsonValueKind.Object } header || !header.TryGetProperty("Dates", out var dates) || dates.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var qualifier in new[] { "002", "010" })
        {
            if (dates.EnumerateArray().FirstOrDefault(d => Text(d, "DateTimeQualifier") == qualifier) is { ValueKind: JsonValueKind.Object } date && Date(Text(date, "Date")) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }

        return element;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when value.GetString()!.Trim().Length > 0 => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDecimal(),
                JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;

    private static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
