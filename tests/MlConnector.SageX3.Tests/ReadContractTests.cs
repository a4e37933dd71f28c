using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>The same seeded folder read over REST api1, on-premise GraphQL and the Cloud gateway.</summary>
public sealed class ReadContractTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task All_three_modes_read_identical_canonical_purchase_orders()
    {
        await using var rest = X3Connector.Build(_simulator, SageX3Mode.Rest);
        await using var graphQl = X3Connector.Build(_simulator, SageX3Mode.GraphQl);
        await using var cloud = await X3Connector.BuildPairedCloudAsync(_simulator, X3Connector.Secrets(_simulator));

        var fromRest = await rest.ReadAllPurchaseOrdersAsync();
        var fromGraphQl = await graphQl.ReadAllPurchaseOrdersAsync();
        var fromCloud = await cloud.ReadAllPurchaseOrdersAsync();

        Assert.Equal(25, fromRest.Count);
        Assert.All(fromRest, order => Assert.NotEmpty(order.Lines));
        Assert.Equal(Json(fromRest), Json(fromGraphQl));
        Assert.Equal(Json(fromRest), Json(fromCloud));
    }

    [Fact]
    public async Task A_purchase_order_is_mapped_field_by_field_from_X3()
    {
        await using var rest = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var orders = await rest.ReadAllPurchaseOrdersAsync();

        var order = orders.Single(o => o.Number == "POSEED0001");
        Assert.Equal("S0002", order.Supplier.Code);
        Assert.Equal("Northwind Industrial", order.Supplier.Name);
        Assert.Equal("USD", order.Currency);
        Assert.Equal("US011", order.Site);
        Assert.Equal("PROC-4001", order.BuyerReference);
        Assert.Equal(PurchaseOrderStatus.Open, order.Status);
        var line = order.Lines[0];
        Assert.Equal(1000, line.LineNumber);
        Assert.Equal("PALLET-EU", line.ItemCode);
        Assert.Equal(12.00m, line.UnitPrice);
        Assert.Equal("6061", line.GlAccount);
        Assert.Equal(PurchaseOrderStatus.Closed, orders.Single(o => o.Number == "POSEED0010").Status);
    }

    [Fact]
    public async Task Shipments_read_the_same_over_REST_and_GraphQL_with_carrier_and_tracking()
    {
        await using var rest = X3Connector.Build(_simulator, SageX3Mode.Rest);
        await using var graphQl = X3Connector.Build(_simulator, SageX3Mode.GraphQl);

        var fromRest = await rest.ReadAllShipmentsAsync();
        var fromGraphQl = await graphQl.ReadAllShipmentsAsync();

        Assert.Equal(Json(fromRest), Json(fromGraphQl));
        var shipped = fromRest.Single(s => s.SourceId == "SDHSEED0001");
        Assert.Equal("100000041", shipped.OrderReference);
        Assert.Equal(FulfillmentStatus.Shipped, shipped.Status);
        Assert.Equal(new ShipmentTracking("UPS", "UPS", "1Z999AA10000000001"), Assert.Single(shipped.Tracking));
        Assert.Equal(FulfillmentStatus.Pending, fromRest.Single(s => s.SourceId == "SDHSEED0002").Status);
    }

    [Fact]
    public async Task Validated_sales_invoices_read_the_same_over_REST_and_GraphQL_with_their_orders_external_reference()
    {
        _simulator.SeedCustomer("C0100", "Retailer");
        var spsOrder = _simulator.SeedSalesOrder("C0100", new DateOnly(2026, 12, 1), "4500101", [("TEE-BLU-M", 12m, 4.25m)], externalReference: "WMTALLTESTID~4500101");
        var localOrder = _simulator.SeedSalesOrder("C0100", new DateOnly(2026, 12, 1), "PHONE-1", [("TEE-BLU-M", 3m, 4.25m)]);
        var spsInvoice = _simulator.InvoiceSalesOrder(spsOrder, new DateOnly(2026, 12, 4), taxRate: 0.08m);
        var localInvoice = _simulator.InvoiceSalesOrder(localOrder, new DateOnly(2026, 12, 4));
        var draft = _simulator.InvoiceSalesOrder(spsOrder, new DateOnly(2026, 12, 5), validated: false);
        var noOrder = _simulator.SeedSalesInvoice("SINOORDER", "C0100", "Retailer", new DateOnly(2026, 12, 4), "PAPER-1", [("TEE-BLU-M", "Tee", 1m, "UN", 4.25m, 0m)]);
        await using var rest = X3Connector.Build(_simulator, SageX3Mode.Rest);
        await using var graphQl = X3Connector.Build(_simulator, SageX3Mode.GraphQl);

        var fromRest = await ReadInvoicesAsync(rest);
        var fromGraphQl = await ReadInvoicesAsync(graphQl);

        Assert.Equal(Json(fromRest), Json(fromGraphQl));
        Assert.DoesNotContain(draft, fromRest.Keys);
        var sps = fromRest[spsInvoice];
        Assert.Equal(spsOrder, sps.SalesOrderNumber);
        Assert.Equal("WMTALLTESTID~4500101", sps.OrderExternalReference);
        Assert.Equal("4500101", sps.Invoice.PurchaseOrderNumber);
        Assert.Equal(51m, sps.Invoice.TotalExcludingTax);
        Assert.Equal(55.08m, sps.Invoice.TotalIncludingTax);
        Assert.Equal(localOrder, fromRest[localInvoice].SalesOrderNumber);
        Assert.Null(fromRest[localInvoice].OrderExternalReference);
        Assert.Null(fromRest[noOrder].SalesOrderNumber);
        Assert.Null(fromRest[noOrder].OrderExternalReference);
    }

    [Fact]
    public async Task A_password_corrected_in_the_secret_store_is_picked_up_without_a_restart()
    {
        var secrets = X3Connector.Secrets(_simulator);
        await secrets.SetSecretAsync(SageX3SecretNames.RestPassword, "old-password", CancellationToken.None);
        await using var rest = X3Connector.Build(_simulator, SageX3Mode.Rest, secrets);

        var refused = await Assert.ThrowsAsync<SageX3ApiException>(() => rest.ReadAllShipmentsAsync());
        await secrets.SetSecretAsync(SageX3SecretNames.RestPassword, _simulator.Options.Users["admin"], CancellationToken.None);
        var shipments = await rest.ReadAllShipmentsAsync();

        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("user 'admin'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("old-password", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, shipments.Count);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CanonicalJson.Options);

    private static async Task<SortedDictionary<string, X3SalesInvoice>> ReadInvoicesAsync(IServiceProvider provider)
    {
        var invoices = new SortedDictionary<string, X3SalesInvoice>(StringComparer.Ordinal);
        await foreach (var page in provider.GetRequiredKeyedService<MlConnector.Core.Flows.ISourceStream>(SageX3SalesInvoiceStream.Name).ReadAsync(MlConnector.Core.Flows.StreamPosition.Beginning, CancellationToken.None))
        {
            foreach (var record in page.Records)
            {
                invoices[record.Key] = CanonicalJson.FromElement<X3SalesInvoice>(record.Payload);
            }
        }

        return invoices;
    }
}
