using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.AdobeCommerceX3;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>The invoice mapper with X3 reference data that knows every SKU of <see cref="Orders"/> and one purchase order.</summary>
internal sealed class InvoiceMapping
{
    public static readonly string[] KnownProducts =
        ["DESK-100", "CHAIR-RED-M", "KIT-YOGA", "MONITOR-ARM", "CABLE-TRAY", "VIRT-SETUP", "DL-MANUAL", "GIFTCARD-50"];

    public InvoiceMapping(string purchaseOrder, decimal purchaseOrderTotalExcludingTax)
    {
        PurchaseOrders.Orders[purchaseOrder] = new PurchaseOrderSummary(purchaseOrder, "SUP-ACME", "USD", purchaseOrderTotalExcludingTax, []);
        Reference.Products.UnionWith(KnownProducts);
        Reference.GlAccounts.Add("60700000");
    }

    public FakePurchaseOrderLookup PurchaseOrders { get; } = new();

    public FakeMappingTables Mappings { get; } = new();

    public FakeReferenceData Reference { get; } = new();

    public AdobeCommerceOptions Options { get; } = new() { DefaultGlAccount = "60700000" };

    public async Task<MapResult> MapAsync(JsonObject order, DateTimeOffset? receivedAt = null)
    {
        var mapper = new OrderToSupplierInvoiceMapper(PurchaseOrders, Mappings, Reference, Microsoft.Extensions.Options.Options.Create(Options));
        var payload = JsonDocument.Parse(order.ToJsonString()).RootElement.Clone();
        return await mapper.MapAsync(new SourceRecord((string)order["increment_id"]!, "v1", receivedAt, payload), CancellationToken.None);
    }

    public async Task<Invoice> InvoiceAsync(JsonObject order, DateTimeOffset? receivedAt = null)
    {
        var result = await MapAsync(order, receivedAt);
        return result is MapResult.MappedResult mapped
            ? CanonicalJson.FromElement<Invoice>(mapped.Document.Body)
            : throw new Xunit.Sdk.XunitException("rejected: " + ((MapResult.RejectedResult)result).Reason);
    }
}
