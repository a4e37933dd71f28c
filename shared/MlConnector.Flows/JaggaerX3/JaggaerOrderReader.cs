using System.Text.Json;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Core.Documents;
using Fields = MlConnector.Connectors.Jaggaer.JaggaerPurchaseOrderFields;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>Reads the fields the X3 order needs from a JAGGAER purchase order, by the names in <see cref="Fields"/>.</summary>
internal static class JaggaerOrderReader
{
    public static JaggaerOrder Read(JsonElement payload, JaggaerX3Options options)
    {
        var id = payload.Text(Fields.Id) ?? throw new JsonException($"The purchase order has no {Fields.Id}.");
        var number = payload.Text(Fields.Number) ?? id;
        var lines = payload.Items(Fields.Lines).Select((line, index) => ReadLine(line, index, options)).ToList();
        var supplier = payload.Text(Fields.SupplierId) is { } supplierId
            ? new JaggaerSupplierRef(supplierId, payload.Text(Fields.SupplierName) ?? $"supplier {supplierId}", payload.Text(Fields.SupplierNumber))
            : null;
        return new JaggaerOrder(
            id,
            number,
            $"PO {number}",
            supplier,
            payload.Text(Fields.Currency),
            payload.Date(Fields.OrderDate),
            StatusOf(payload.Text(Fields.Status)),
            payload.Text(Fields.BusinessUnit),
            lines);
    }

    private static JaggaerOrderLine ReadLine(JsonElement line, int index, JaggaerX3Options options)
    {
        var segments = Segments(line.At(Fields.LineAccounting)).ToList();
        var lineNumber = line.Int(Fields.LineNumber) ?? index + 1;
        return new JaggaerOrderLine(
            lineNumber,
            line.Text(Fields.LineDescription) ?? $"Line {lineNumber}",
            line.Text(Fields.LineCatalogNumber),
            line.Text(Fields.LineUnit),
            line.Decimal(Fields.LineQuantity),
            line.Decimal(Fields.LineUnitPrice),
            ValuesOf(segments, options.GlAccountSegment),
            ValuesOf(segments, options.CostCentreSegment));
    }

    private static PurchaseOrderStatus StatusOf(string? status) =>
        status is null ? PurchaseOrderStatus.Open
        : Fields.CancelledStatuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? PurchaseOrderStatus.Cancelled
        : Fields.ClosedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? PurchaseOrderStatus.Closed
        : PurchaseOrderStatus.Open;

    /// <summary>Every <c>{internalName, value}</c> segment under the accounting, however deep its wrapping lists go.</summary>
    private static IEnumerable<(string Name, string Value)> Segments(JsonElement? accounting)
    {
        if (accounting is not { } element)
        {
            yield break;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.Text(Fields.SegmentName) is { } name && element.Text(Fields.SegmentValue) is { } value)
            {
                yield return (name, value);
                yield break;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var segment in Segments(property.Value))
                {
                    yield return segment;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var segment in Segments(item))
                {
                    yield return segment;
                }
            }
        }
    }

    private static List<string> ValuesOf(IEnumerable<(string Name, string Value)> segments, string name) =>
        [.. segments.Where(segment => string.Equals(segment.Name, name, StringComparison.OrdinalIgnoreCase)).Select(segment => segment.Value).Distinct(StringComparer.Ordinal)];
}
