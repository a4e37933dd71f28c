using System.Text.Json;
using MlConnector.Connectors.Procurify;
using MlConnector.Connectors.Procurify.Streams;
using MlConnector.Core.Documents;
using static MlConnector.Connectors.Procurify.ProcurifyFields;
using PurchaseOrder = MlConnector.Connectors.Procurify.ProcurifyFields.PurchaseOrder;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>
/// Reads the fields the X3 order needs from Procurify's purchase-order and requisition payloads. References (vendor,
/// account, currency) are read either way Procurify sends them: expanded objects (the v2 detail) or bare ids (the
/// order-items list), whose objects the stream looked up and put under <c>mlc:references</c>.
/// </summary>
internal static class ProcurifyOrderReader
{
    /// <summary>Purchase order <c>state</c> 1 = CANCELLED, 3 = CLOSED, 4 = PAID.</summary>
    private const int StateCancelled = 1;
    private const int StateClosed = 3;
    private const int StatePaid = 4;

    public static ProcurifyOrder ReadPurchaseOrder(JsonElement payload)
    {
        var id = ProcurifyPurchaseOrderFields.IdOf(payload) ?? throw new JsonException(payload.Text(PurchaseOrder.Id) is { } notANumber
            ? $"Its {PurchaseOrder.Id} '{notANumber}' is not a positive integer."
            : $"The purchase order has no {PurchaseOrder.Id}.");
        var status = payload.Int(PurchaseOrder.State) switch
        {
            StateCancelled => PurchaseOrderStatus.Cancelled,
            StateClosed or StatePaid => PurchaseOrderStatus.Closed,
            _ => PurchaseOrderStatus.Open,
        };
        var references = new References(payload);
        var lines = Lines(payload).Select((line, index) => ReadLine(line, line.Int(Line.PurchaseOrderLineNumber) ?? line.Int(Line.Number) ?? index + 1, references)).ToList();
        var money = new ProcurifyOrderMoney(
            payload.Decimal(PurchaseOrder.Freight) ?? 0m,
            payload.Decimal(PurchaseOrder.Other) ?? 0m,
            ModifierOf(payload, PurchaseOrder.Tax),
            ModifierOf(payload, PurchaseOrder.Discount),
            payload.Decimal(PurchaseOrder.Subtotal),
            payload.Decimal(PurchaseOrder.Total),
            TaxOnLines: false);
        return new ProcurifyOrder(
            id,
            id,
            $"PO {id}",
            VendorOf(payload.Property(PurchaseOrder.Vendor), references) is { } vendor
                ? vendor.Name is null && payload.Text(PurchaseOrder.VendorName) is { } name ? vendor with { Name = name } : vendor
                : null,
            CurrencyOf(payload.Property(PurchaseOrder.Currency)),
            payload.Date(PurchaseOrder.Date),
            payload.Date(PurchaseOrder.PromiseDate),
            status,
            payload.Text(PurchaseOrder.CustomerNumber),
            lines,
            money);
    }

    public static ProcurifyOrder ReadRequisition(JsonElement payload)
    {
        var id = ProcurifyPurchaseOrderFields.RequisitionIdOf(payload) ?? throw new JsonException($"The requisition has no {Requisition.Number}.");
        var references = new References(payload);
        var lines = Lines(payload).Select((line, index) => ReadLine(line, line.Int(Line.Number) ?? index + 1, references)).ToList();
        var vendors = lines.Select(line => line.Vendor).OfType<ProcurifyVendorRef>().DistinctBy(vendor => vendor.Id).ToList();
        var department = DepartmentOf(payload.Property(Requisition.Department));
        return new ProcurifyOrder(
            id,
            $"REQ-{id}",
            $"Requisition {id}",
            vendors.Count == 1 ? vendors[0] : null,
            CurrencyOf(payload.Property(Requisition.Currency)) ?? lines.Select(line => line.Currency).FirstOrDefault(currency => currency is not null),
            payload.Date(Requisition.Date),
            payload.Date(Requisition.DateRequired),
            PurchaseOrderStatus.Open,
            payload.Text(Requisition.Description),
            [.. lines.Select(line => line.Account is { Department: null, Found: true } account && department is not null ? line with { Account = account with { Department = department } } : line)],
            ProcurifyOrderMoney.FromLines(lines));
    }

    private static IEnumerable<JsonElement> Lines(JsonElement payload) =>
        payload.Property(PurchaseOrderDetail.Lines) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray() : [];

    private static ProcurifyOrderLine ReadLine(JsonElement line, int lineNumber, References references) => new(
        lineNumber,
        line.Text(Line.Name) ?? $"Line {lineNumber}",
        line.Text(Line.Sku),
        line.Text(Line.Unit),
        line.Decimal(Line.Quantity) ?? line.Decimal(Line.ApprovedQuantity),
        line.Decimal(Line.Price) ?? line.Decimal(Line.ApprovedPrice),
        line.Decimal(Line.TaxAmount) ?? 0m,
        line.Decimal(Line.ShippingAmount) ?? 0m,
        CurrencyOf(line.Property(Line.Currency)),
        AccountOf(line, references),
        VendorOf(line.Property(Line.Vendor), references));

    /// <summary>The line's account: expanded, looked up by its bare id, or only its code (<c>accountCode</c>).</summary>
    private static ProcurifyAccountRef? AccountOf(JsonElement line, References references)
    {
        var fallbackCode = line.Text(Line.AccountCode);
        return line.Property(Line.Account) switch
        {
            { ValueKind: JsonValueKind.Object } account => FromAccount(account, fallbackCode),
            { } bare when ProcurifyJson.AsText(bare) is { } id => references.Account(id) is { } found
                ? FromAccount(found, fallbackCode)
                : new ProcurifyAccountRef(id, fallbackCode, null, Found: false),
            _ => fallbackCode is null ? null : new ProcurifyAccountRef(null, fallbackCode, null, Found: true),
        };
    }

    private static ProcurifyAccountRef FromAccount(JsonElement account, string? fallbackCode)
    {
        var code = account.Property(Account.AccountCode) switch
        {
            { ValueKind: JsonValueKind.Object } accountCode => accountCode.Text(AccountCode.Code),
            { } bare => ProcurifyJson.AsText(bare),
            null => null,
        };
        return new ProcurifyAccountRef(account.Text(Account.Id), code ?? fallbackCode, DepartmentOf(account.Property(Account.Department)), Found: true);
    }

    private static ProcurifyVendorRef? VendorOf(JsonElement? vendor, References references) => vendor switch
    {
        { ValueKind: JsonValueKind.Object } expanded when expanded.Text(ProcurifyFields.Vendor.Id) is { } id =>
            new ProcurifyVendorRef(id, expanded.Text(ProcurifyFields.Vendor.Name), expanded.Text(ProcurifyFields.Vendor.ExternalId)),
        { ValueKind: JsonValueKind.Number or JsonValueKind.String } bare when ProcurifyJson.AsText(bare) is { } id => references.Vendor(id) is { } found
            ? new ProcurifyVendorRef(id, found.Text(ProcurifyFields.Vendor.Name), found.Text(ProcurifyFields.Vendor.ExternalId))
            : new ProcurifyVendorRef(id, null, null),
        _ => null,
    };

    private static ProcurifyDepartmentRef? DepartmentOf(JsonElement? department) =>
        department is { ValueKind: JsonValueKind.Object } expanded && expanded.Text(Department.Id) is { } id
            ? new ProcurifyDepartmentRef(id, expanded.Text(Department.Name) ?? $"department {id}", expanded.Text(Department.ExternalId))
            : null;

    /// <summary>Currencies arrive as an object (<c>{"id", "name": "USD", ...}</c>) or a bare id.</summary>
    private static ProcurifyCurrencyRef? CurrencyOf(JsonElement? currency) => currency switch
    {
        { ValueKind: JsonValueKind.Object } expanded => new ProcurifyCurrencyRef(expanded.Text(Currency.Id), expanded.Text(Currency.Code)),
        { ValueKind: JsonValueKind.Number } id => new ProcurifyCurrencyRef(ProcurifyJson.AsText(id), null),
        { ValueKind: JsonValueKind.String } code when ProcurifyJson.AsText(code) is { Length: 3 } iso => new ProcurifyCurrencyRef(null, iso),
        _ => null,
    };

    private static ProcurifyPriceModifier? ModifierOf(JsonElement payload, string field) =>
        payload.Property(field) is { ValueKind: JsonValueKind.Object } modifier && modifier.Decimal(PriceModifier.Value) is { } value
            ? new ProcurifyPriceModifier(value, modifier.Text(PriceModifier.Type) == PriceModifierType.Percentage)
            : null;

    /// <summary>The objects the stream looked up for bare ids (<c>mlc:references</c>).</summary>
    private sealed class References(JsonElement payload)
    {
        private readonly JsonElement? _resolved = payload.Property(Resolved.References);

        public JsonElement? Account(string id) => Find(Resolved.Accounts, id);

        public JsonElement? Vendor(string id) => Find(Resolved.Vendors, id);

        private JsonElement? Find(string kind, string id) =>
            _resolved?.Property(kind)?.Property(id) is { ValueKind: JsonValueKind.Object } found ? found : null;
    }
}
