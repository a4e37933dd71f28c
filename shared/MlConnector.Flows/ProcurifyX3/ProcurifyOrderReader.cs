using System.Text.Json;
using MlConnector.Connectors.Procurify;
using MlConnector.Connectors.Procurify.Streams;
using MlConnector.Core.Documents;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>Reads the fields the X3 order needs from Procurify's purchase-order and requisition payloads.</summary>
internal static class ProcurifyOrderReader
{
    /// <summary>Purchase order <c>state</c> 1 = CANCELLED, 3 = CLOSED, 4 = PAID.</summary>
    private const int StateCancelled = 1;
    private const int StateClosed = 3;
    private const int StatePaid = 4;

    public static ProcurifyOrder ReadPurchaseOrder(JsonElement payload)
    {
        var id = ProcurifyPurchaseOrderFields.IdOf(payload) ?? throw new JsonException("The purchase order has no procurify_PO.");
        var status = payload.Int("state") switch
        {
            StateCancelled => PurchaseOrderStatus.Cancelled,
            StateClosed or StatePaid => PurchaseOrderStatus.Closed,
            _ => PurchaseOrderStatus.Open,
        };
        var lines = Lines(payload).Select((line, index) => ReadLine(line, line.Int("PO_line_num") ?? line.Int("num") ?? index + 1)).ToList();
        return new ProcurifyOrder(
            id,
            id,
            $"PO {id}",
            VendorOf(payload) ?? (payload.Text("vendor_name") is { } name ? new ProcurifyVendorRef(string.Empty, name, null) : null),
            CurrencyOf(payload, "purchased_currency"),
            payload.Date("date"),
            payload.Date("promise_date"),
            status,
            payload.Text("PO_Num"),
            lines);
    }

    public static ProcurifyOrder ReadRequisition(JsonElement payload)
    {
        var id = ProcurifyPurchaseOrderFields.RequisitionIdOf(payload) ?? throw new JsonException("The requisition has no num.");
        var lines = Lines(payload).Select((line, index) => ReadLine(line, line.Int("num") ?? index + 1)).ToList();
        var vendors = lines.Select(line => line.Vendor).OfType<ProcurifyVendorRef>().DistinctBy(vendor => vendor.Id).ToList();
        var department = DepartmentOf(payload);
        return new ProcurifyOrder(
            id,
            $"REQ-{id}",
            $"Requisition {id}",
            vendors.Count == 1 ? vendors[0] : null,
            CurrencyOf(payload, "currency") ?? lines.Select(line => line.Currency).FirstOrDefault(currency => currency is not null),
            payload.Date("date"),
            payload.Date("dateRequired"),
            PurchaseOrderStatus.Open,
            payload.Text("description"),
            [.. lines.Select(line => line.Department is null && department is not null ? line with { Department = department } : line)]);
    }

    private static IEnumerable<JsonElement> Lines(JsonElement payload) =>
        payload.Property("order_items") is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray() : [];

    private static ProcurifyOrderLine ReadLine(JsonElement line, int lineNumber)
    {
        var account = line.Property("account");
        var accountCode = account?.Property("account_code") is { } code
            ? code.ValueKind == JsonValueKind.Object ? code.Text("code") : ProcurifyJson.AsText(code)
            : line.Text("accountCode");
        return new ProcurifyOrderLine(
            lineNumber,
            line.Text("name") ?? $"Line {lineNumber}",
            line.Text("sku"),
            line.Text("unit"),
            line.Decimal("quantity") ?? line.Decimal("approved_quantity"),
            line.Decimal("price") ?? line.Decimal("approved_price"),
            line.Decimal("tax_amount") ?? 0m,
            CurrencyOf(line, "currency"),
            accountCode,
            account is { } a ? DepartmentOf(a) : null,
            VendorOf(line),
            line.Date("promise_date"));
    }

    private static ProcurifyVendorRef? VendorOf(JsonElement element) =>
        element.Property("pref_vendor") is { ValueKind: JsonValueKind.Object } vendor && vendor.Text("id") is { } id
            ? new ProcurifyVendorRef(id, vendor.Text("name") ?? element.Text("vendor_name") ?? $"vendor {id}", vendor.Text("external_id"))
            : null;

    private static ProcurifyDepartmentRef? DepartmentOf(JsonElement element) =>
        element.Property("department") is { ValueKind: JsonValueKind.Object } department && department.Text("id") is { } id
            ? new ProcurifyDepartmentRef(id, department.Text("name") ?? $"department {id}", department.Text("external_id"))
            : null;

    /// <summary>Currencies arrive as an object (<c>{"id", "name": "USD", ...}</c>) or a bare code.</summary>
    private static string? CurrencyOf(JsonElement element, string name) =>
        element.Property(name) is { } currency
            ? currency.ValueKind == JsonValueKind.Object ? currency.FirstText("code", "name") : ProcurifyJson.AsText(currency) is { Length: 3 } code ? code : null
            : null;
}
