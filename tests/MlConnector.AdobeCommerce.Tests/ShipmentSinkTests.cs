using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.AdobeCommerceX3;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class ShipmentSinkTests : IAsyncLifetime
{
    private AdobeCommerceSimulator _simulator = null!;
    private ConnectorHost _host = null!;

    public async Task InitializeAsync()
    {
        _simulator = await AdobeCommerceSimulator.StartAsync();
        _simulator.SeedOrder(Orders.Standard());
        _host = ConnectorHost.Create(_simulator, []);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Writing_the_same_shipment_twice_creates_one_shipment()
    {
        var request = await MappedAsync(Shipment(FulfillmentStatus.Shipped));

        var first = await Sink.WriteAsync(request, CancellationToken.None);
        var second = await Sink.WriteAsync(request, CancellationToken.None);

        Assert.Equal(WriteAction.Created, first.Action);
        Assert.Equal(WriteAction.AlreadyPresent, second.Action);
        Assert.Equal(first.TargetId, second.TargetId);
        var shipment = Assert.Single(_simulator.ShipmentsFor(1001));
        Assert.Equal("1Z999AA10123456784", (string?)shipment["tracks"]![0]!["track_number"]);
        Assert.Equal("ups", (string?)shipment["tracks"]![0]!["carrier_code"]);
        Assert.Equal(2m, shipment["items"]!.AsArray().Sum(i => (decimal)i!["qty"]!));
        Assert.Single(_simulator.Journal.Entries, e => e.Method == "POST" && e.Path.EndsWith("/ship", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_a_dropped_connection_does_not_ship_twice()
    {
        var request = await MappedAsync(Shipment(FulfillmentStatus.Shipped));
        _simulator.Faults.DropConnectionAfterNext("/ship");

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => Sink.WriteAsync(request, CancellationToken.None));
        var retry = await Sink.WriteAsync(request with { PreviousAttemptAmbiguous = true }, CancellationToken.None);

        Assert.True(failure.MayHaveBeenApplied);
        Assert.Equal(WriteAction.AlreadyPresent, retry.Action);
        Assert.Single(_simulator.ShipmentsFor(1001));
    }

    [Fact]
    public async Task Shipment_without_tracking_is_recognised_by_its_marker_comment()
    {
        var request = await MappedAsync(Shipment(FulfillmentStatus.PartiallyShipped) with { Tracking = [] });

        await Sink.WriteAsync(request, CancellationToken.None);
        var again = await Sink.WriteAsync(request, CancellationToken.None);

        Assert.Equal(WriteAction.AlreadyPresent, again.Action);
        Assert.Single(_simulator.ShipmentsFor(1001));
    }

    [Fact]
    public async Task Delivered_status_is_posted_once_as_an_order_comment()
    {
        await Sink.WriteAsync(await MappedAsync(Shipment(FulfillmentStatus.Shipped)), CancellationToken.None);
        var delivered = await MappedAsync(Shipment(FulfillmentStatus.Delivered));

        var first = await Sink.WriteAsync(delivered, CancellationToken.None);
        var second = await Sink.WriteAsync(delivered, CancellationToken.None);

        Assert.Equal(WriteAction.Created, first.Action);
        Assert.Equal(WriteAction.AlreadyPresent, second.Action);
        Assert.Equal(["X3 shipment SHP-1: delivered (tracking 1Z999AA10123456784)"], _simulator.CommentsFor("000000123"));
        Assert.Single(_simulator.ShipmentsFor(1001));
    }

    [Fact]
    public async Task Over_shipping_is_a_permanent_failure_with_the_store_message()
    {
        var tooMany = Shipment(FulfillmentStatus.Shipped) with { Lines = [new ShippedLine(1, "DESK-100", 5, "EA")] };

        var failure = await Assert.ThrowsAsync<TargetWriteException>(async () => await Sink.WriteAsync(await MappedAsync(tooMany), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("The order does not allow a shipment to be created.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configurable_item_ships_through_its_parent_line()
    {
        var chairs = Shipment(FulfillmentStatus.PartiallyShipped) with { Lines = [new ShippedLine(2, "CHAIR-RED-M", 4, "EA")] };

        await Sink.WriteAsync(await MappedAsync(chairs), CancellationToken.None);

        var order = _simulator.GetOrder("000000123")!;
        var parent = order["items"]!.AsArray().Single(i => (string?)i!["product_type"] == "configurable")!;
        Assert.Equal(4m, (decimal)parent["qty_shipped"]!);
        Assert.Equal((long)parent["item_id"]!, (long)_simulator.ShipmentsFor(1001)[0]["items"]![0]!["order_item_id"]!);
    }

    [Fact]
    public async Task Pending_shipment_is_rejected_by_the_mapper()
    {
        var result = await new X3ShipmentToAdobeShipmentMapper().MapAsync(Record(Shipment(FulfillmentStatus.Pending)), CancellationToken.None);

        Assert.Equal("X3 shipment SHP-1 for order 000000123 is still pending: nothing to send to Adobe Commerce yet",
            Assert.IsType<MapResult.RejectedResult>(result).Reason);
    }

    private ITargetSink Sink => _host.Keyed<ITargetSink>("adobe-shipment");

    private static Shipment Shipment(FulfillmentStatus status) => new()
    {
        SourceId = "SHP-1",
        OrderReference = "000000123",
        ShipDate = new DateOnly(2025, 3, 5),
        Status = status,
        Tracking = [new ShipmentTracking("UPS", "United Parcel Service", "1Z999AA10123456784")],
        Lines = [new ShippedLine(1, "DESK-100", 2, "EA")],
    };

    private static SourceRecord Record(Shipment shipment) => ShipmentWrites.Record(shipment);

    private static Task<WriteRequest> MappedAsync(Shipment shipment) => ShipmentWrites.MappedAsync(shipment);
}
