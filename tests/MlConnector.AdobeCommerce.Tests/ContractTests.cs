using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

/// <summary>
/// The simulator's answers and the connector's requests and models, held to Adobe's Commerce 2.4.8 REST contract
/// (Contracts/commerce-2.4.8-admin-subset.json).
/// </summary>
public sealed class ContractTests
{
    private static readonly CommerceContract Contract = CommerceContract.Instance;

    [Fact]
    public void An_order_of_every_product_type_is_a_valid_order_interface()
    {
        var order = new CommerceStore(new AdobeCommerceSimulatorOptions()).AddOrder(Orders.AllProductTypes());

        Assert.Empty(Contract.Violations(order, "sales-data-order-interface"));
        Assert.Equal(
            ["simple", "configurable", "simple", "bundle", "simple", "simple", "simple", "bundle", "simple", "simple", "virtual", "downloadable", "giftcard"],
            order["items"]!.AsArray().Select(item => (string?)item!["product_type"]));
    }

    [Fact]
    public void The_checker_finds_an_unknown_field_a_wrong_type_and_a_missing_required_field()
    {
        var order = new CommerceStore(new AdobeCommerceSimulatorOptions()).AddOrder(Orders.Standard());
        order["store_label"] = "Main";
        order["items"]![0]!["qty_ordered"] = "two";
        order.Remove("grand_total");

        Assert.Equal(
            ["$.items[0].qty_ordered should be a number, is \"two\"", "$.store_label is not in the contract", "$.grand_total is required and missing"],
            Contract.Violations(order, "sales-data-order-interface"));
    }

    [Fact]
    public async Task Order_search_shipment_search_and_product_answers_follow_the_contract()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { AllowIntegrationBearer = true });
        var order = simulator.SeedOrder(Orders.AllProductTypes());
        await using var host = ConnectorHost.Create(simulator, []);
        var client = host.Services.GetRequiredService<AdobeCommerceClient>();
        await client.ShipOrderAsync(order["entity_id"]!.GetValue<long>(), new ShipOrderRequest { Tracks = [new ShipOrderTrack("1Z1", "UPS", "ups")] }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = simulator.RestBaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", simulator.Options.AccessToken);

        var orders = await http.GetFromJsonAsync<JsonObject>("V1/orders?searchCriteria[pageSize]=10");
        var shipments = await http.GetFromJsonAsync<JsonObject>("V1/shipments?searchCriteria[pageSize]=10");
        var product = await http.GetFromJsonAsync<JsonObject>("V1/products/KIT-YOGA");
        var products = await http.GetFromJsonAsync<JsonObject>("V1/products?searchCriteria[pageSize]=1");

        Assert.Empty(Contract.Violations(orders, Contract.Response("/V1/orders", "get")));
        Assert.Empty(Contract.Violations(shipments, Contract.Response("/V1/shipments", "get")));
        Assert.Empty(Contract.Violations(product, Contract.Response("/V1/products/{sku}", "get")));
        Assert.Empty(Contract.Violations(products, Contract.Response("/V1/products", "get")));
        Assert.Single(shipments!["items"]!.AsArray());
    }

    [Fact]
    public void The_ship_and_comment_requests_the_connector_sends_follow_the_contract()
    {
        var ship = JsonSerializer.SerializeToNode(new ShipOrderRequest
        {
            Items = [new ShipOrderItem(5, 1)],
            Notify = true,
            AppendComment = true,
            Comment = new ShipOrderComment("X3 shipment SHP-1", 0),
            Tracks = [new ShipOrderTrack("1Z999", "United Parcel Service", "ups")],
        }, AdobeCommerceJson.Options);
        var comment = JsonSerializer.SerializeToNode(new OrderStatusCommentRequest(new OrderStatusComment { Comment = "delivered", ParentId = 1001 }), AdobeCommerceJson.Options);

        Assert.Empty(Contract.Violations(ship, Contract.RequestBody("/V1/order/{orderId}/ship", "post")));
        Assert.Empty(Contract.Violations(comment, Contract.RequestBody("/V1/orders/{id}/comments", "post")));
    }

    /// <summary>
    /// A field the connector reads must be in the contract, or be one Adobe documents elsewhere: the place hook's
    /// order model carries gift card, store credit and reward amounts at the top level
    /// (commerce-extensibility webhooks/use-cases/order-placement-validation.md, events/events-reference.md).
    /// </summary>
    [Theory]
    [InlineData(typeof(CommerceOrder), "sales-data-order-interface", "gift_cards_amount,customer_balance_amount,reward_currency_amount")]
    [InlineData(typeof(CommerceOrderItem), "sales-data-order-item-interface", "")]
    [InlineData(typeof(CommerceOrderPayment), "sales-data-order-payment-interface", "")]
    [InlineData(typeof(CommerceStatusHistory), "sales-data-order-status-history-interface", "")]
    [InlineData(typeof(CommerceShipment), "sales-data-shipment-interface", "")]
    [InlineData(typeof(CommerceShipmentItem), "sales-data-shipment-item-interface", "")]
    [InlineData(typeof(CommerceShipmentTrack), "sales-data-shipment-track-interface", "")]
    [InlineData(typeof(CommerceShipmentComment), "sales-data-shipment-comment-interface", "")]
    [InlineData(typeof(CommerceProduct), "catalog-data-product-interface", "")]
    [InlineData(typeof(CommerceCustomAttribute), "framework-attribute-interface", "")]
    public void Every_field_the_connector_reads_is_in_the_contract(Type model, string definition, string documentedElsewhere)
    {
        var elsewhere = documentedElsewhere.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var undeclared = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null && property.SetMethod is not null)
            .Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name))
            .Where(name => !Contract.Declares(definition, name) && !elsewhere.Contains(name))
            .ToList();

        Assert.Empty(undeclared);
    }
}
