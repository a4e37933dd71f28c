using MlConnector.Simulators.Procurify;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

public sealed class ProcurifySeedGeneratorTests
{
    [Theory]
    [InlineData(10, 0.2, 2)]
    [InlineData(100, 0.25, 25)]
    [InlineData(7, 0.0, 0)]
    [InlineData(5, 1.0, 5)]
    public void Generates_the_requested_unmappable_share(int orders, double share, int expectedUnmappable)
    {
        var store = new ProcurifyStore(TimeProvider.System);

        var scenario = ProcurifySeedGenerator.Seed(store, new SeedRequest { PurchaseOrders = orders, LinesPerOrder = 2, UnmappableShare = share });

        Assert.Equal(expectedUnmappable, scenario.UnmappablePurchaseOrders.Count);
        Assert.Equal(orders - expectedUnmappable, scenario.MappablePurchaseOrders.Count);
        Assert.Equal(orders, store.PurchaseOrders.Count);
        Assert.All(store.PurchaseOrders, order => Assert.Equal(2, order.Lines.Count));
        if (expectedUnmappable >= 2)
        {
            Assert.Contains("unmapped vendor", scenario.UnmappablePurchaseOrders.Values);
            Assert.Contains("invalid account code", scenario.UnmappablePurchaseOrders.Values);
        }
    }

    [Fact]
    public void Same_request_gives_the_same_ids()
    {
        var request = new SeedRequest { PurchaseOrders = 6, ApprovedRequisitions = 2 };
        var first = new ProcurifyStore(TimeProvider.System);
        var second = new ProcurifyStore(TimeProvider.System);

        ProcurifySeedGenerator.Seed(first, request);
        ProcurifySeedGenerator.Seed(second, request);

        Assert.Equal(first.PurchaseOrders.Select(o => (o.ProcurifyPO, o.Uuid, o.VendorId)), second.PurchaseOrders.Select(o => (o.ProcurifyPO, o.Uuid, o.VendorId)));
        Assert.Equal(first.Requisitions.Select(r => r.Num), second.Requisitions.Select(r => r.Num));
    }
}
