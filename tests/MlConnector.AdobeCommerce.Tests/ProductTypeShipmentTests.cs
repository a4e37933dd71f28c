using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.AdobeCommerceX3;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

/// <summary>
/// X3 shipments of every product type through the real sink, client and simulator: Commerce ships what X3 shipped,
/// item by item as its rules want, and never more.
/// </summary>
public sealed class ProductTypeShipmentTests : IAsyncLifetime
{
    private const string Order = "000000200";
    private AdobeCommerceSimulator _simulator = null!;
    private ConnectorHost _host = null!;
    private long _orderId;

    public async Task InitializeAsync()
    {
        _simulator = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { AllowIntegrationBearer = true });
        _orderId = _simulator.SeedOrder(Orders.AllProductTypes())["entity_id"]!.GetValue<long>();
        _host = ConnectorHost.Create(_simulator, []);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_bundle_shipped_together_ships_one_bundle_for_its_components_not_their_sum()
    {
        await ShipAsync(("YOGA-MAT", 1), ("YOGA-BLOCK", 2), ("YOGA-STRAP", 1));

        Assert.Equal([("KIT-YOGA-YOGA-MAT-YOGA-BLOCK-YOGA-STRAP", 1m)], ShippedItems());
        Assert.Equal([1m, 1m, 2m, 1m], Item("KIT-YOGA").Concat(Children("KIT-YOGA")).Select(item => (decimal)item["qty_shipped"]!));
    }

    [Fact]
    public async Task A_bundle_named_by_its_own_sku_ships_as_that_many_bundles()
    {
        await ShipAsync(("KIT-YOGA", 1));

        Assert.Equal([("KIT-YOGA-YOGA-MAT-YOGA-BLOCK-YOGA-STRAP", 1m)], ShippedItems());
    }

    [Fact]
    public async Task A_bundle_shipped_separately_ships_each_options_own_item()
    {
        await ShipAsync(("MONITOR-ARM", 2), ("CABLE-TRAY", 4));

        var requested = RequestedItems();
        Assert.Equal([(Id("MONITOR-ARM"), 2m), (Id("CABLE-TRAY"), 4m)], requested);
        Assert.Equal([2m, 4m], Children("KIT-DESK").Select(item => (decimal)item["qty_shipped"]!));
    }

    [Fact]
    public async Task A_separately_shipped_bundle_named_by_its_own_sku_ships_its_options()
    {
        await ShipAsync(("KIT-DESK", 1));

        Assert.Equal([(Id("MONITOR-ARM"), 1m), (Id("CABLE-TRAY"), 2m)], RequestedItems());
    }

    [Fact]
    public async Task A_configurable_product_ships_through_its_parent_and_its_child_follows()
    {
        await ShipAsync(("CHAIR-RED-M", 3));

        var parent = Item("CHAIR-RED-M").Single(item => (string?)item["product_type"] == "configurable");
        Assert.Equal([((long)parent["item_id"]!, 3m)], RequestedItems());
        Assert.Equal([3m, 3m], Item("CHAIR-RED-M").Select(item => (decimal)item["qty_shipped"]!));
    }

    [Fact]
    public async Task Virtual_and_downloadable_items_x3_lists_are_left_out_of_the_shipment()
    {
        await ShipAsync(("DESK-100", 2), ("VIRT-SETUP", 1), ("DL-MANUAL", 1));

        Assert.Equal([(Id("DESK-100"), 2m)], RequestedItems());
    }

    [Fact]
    public async Task Everything_shipped_item_by_item_completes_the_order()
    {
        await ShipAsync(("DESK-100", 2), ("CHAIR-RED-M", 3), ("YOGA-MAT", 1), ("YOGA-BLOCK", 2), ("YOGA-STRAP", 1), ("MONITOR-ARM", 2), ("CABLE-TRAY", 4));

        Assert.Equal("complete", (string?)_simulator.GetOrder(Order)!["state"]);
    }

    [Fact]
    public async Task Part_of_a_bundle_shipped_together_is_refused_with_what_x3_shipped()
    {
        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => ShipAsync(("YOGA-MAT", 1), ("YOGA-BLOCK", 1)));

        Assert.False(failure.IsTransient);
        Assert.Equal(
            "X3 shipment SHP-9 for order 000000200: bundle KIT-YOGA ships its items together, so Adobe Commerce ships whole bundles only, " +
            "and X3 shipped YOGA-MAT 1 of 1 per bundle, YOGA-BLOCK 1 of 2 per bundle, YOGA-STRAP 0 of 1 per bundle.",
            failure.Message);
        Assert.Empty(_simulator.ShipmentsFor(_orderId));
    }

    [Fact]
    public async Task Commerce_refuses_a_together_bundles_option_and_skips_a_configurable_child_named_alone()
    {
        // The rules the sink follows, as the simulated store enforces them (Adobe's tutorial sends a configurable's child id).
        using var http = new HttpClient { BaseAddress = _simulator.RestBaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _simulator.Options.AccessToken);

        var option = await http.PostAsJsonAsync($"V1/order/{_orderId}/ship", new { items = new[] { new { order_item_id = Id("YOGA-MAT"), qty = 1 } } });
        var child = await http.PostAsJsonAsync($"V1/order/{_orderId}/ship", new { items = new[] { new { order_item_id = (long)Item("CHAIR-RED-M")[1]["item_id"]!, qty = 1 } } });

        Assert.Equal((400, 400), ((int)option.StatusCode, (int)child.StatusCode));
        Assert.EndsWith("Cannot create shipment as bundle product \"KIT-YOGA-YOGA-MAT-YOGA-BLOCK-YOGA-STRAP\" has shipment type \"Together\". Bundle product itself should be shipped instead.",
            await MessageAsync(option), StringComparison.Ordinal);
        Assert.EndsWith("You can't create a shipment without products.", await MessageAsync(child), StringComparison.Ordinal);
        Assert.Empty(_simulator.ShipmentsFor(_orderId));
    }

    private async Task ShipAsync(params (string Sku, decimal Qty)[] lines)
    {
        var shipment = new Shipment
        {
            SourceId = "SHP-9",
            OrderReference = Order,
            ShipDate = new DateOnly(2025, 3, 5),
            Status = FulfillmentStatus.PartiallyShipped,
            Tracking = [new ShipmentTracking("ups", "UPS", "1Z999AA10123456784")],
            Lines = lines.Select((line, i) => new ShippedLine(i + 1, line.Sku, line.Qty, "EA")).ToList(),
        };
        await _host.Keyed<ITargetSink>("adobe-shipment").WriteAsync(await ShipmentWrites.MappedAsync(shipment), CancellationToken.None);
    }

    /// <summary>What the sink asked Commerce to ship: the last ship request's items.</summary>
    private List<(long, decimal)> RequestedItems()
    {
        var body = _simulator.Store.ShipRequests()[^1];
        return body["items"]!.AsArray().Select(item => ((long)item!["order_item_id"]!, (decimal)item["qty"]!)).ToList();
    }

    /// <summary>The shipment's items Commerce counts (dummies left out).</summary>
    private List<(string, decimal)> ShippedItems() =>
        Assert.Single(_simulator.ShipmentsFor(_orderId))["items"]!.AsArray()
            .Where(item => (long)item!["order_item_id"]! == Id("KIT-YOGA"))
            .Select(item => ((string)item!["sku"]!, (decimal)item["qty"]!)).ToList();

    private List<JsonObject> Items() => _simulator.GetOrder(Order)!["items"]!.AsArray().Select(item => item!.AsObject()).ToList();

    /// <summary>The items of a SKU; a bundle's by the start of its composite SKU.</summary>
    private List<JsonObject> Item(string sku) =>
        Items().Where(item => (string)item["sku"]! == sku || (sku.StartsWith("KIT-", StringComparison.Ordinal) && ((string)item["sku"]!).StartsWith(sku + "-", StringComparison.Ordinal))).ToList();

    private List<JsonObject> Children(string bundleSku)
    {
        var parent = (long)Item(bundleSku)[0]["item_id"]!;
        return Items().Where(item => item["parent_item_id"] is not null && (long)item["parent_item_id"]! == parent).ToList();
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!;

    private long Id(string sku) => (long)Item(sku)[0]["item_id"]!;
}
