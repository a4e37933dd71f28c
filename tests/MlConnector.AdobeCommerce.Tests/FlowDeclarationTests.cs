using MlConnector.Flows.AdobeCommerceX3;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class FlowDeclarationTests
{
    [Fact]
    public void Flows_are_declared_with_their_names_and_schedule()
    {
        var orders = AdobeCommerceX3Flows.OrdersToSupplierInvoices();
        var fulfillment = AdobeCommerceX3Flows.X3FulfillmentToAdobeShipments();

        Assert.Equal("adobe-commerce-x3", orders.Name);
        Assert.NotNull(orders.Webhook);
        Assert.False(orders.IsPolled);
        Assert.Equal("x3-adobe-fulfillment", fulfillment.Name);
        Assert.True(fulfillment.IsPolled);
        Assert.Equal("X3AdobeFulfillment_Schedule", fulfillment.ScheduleSetting);
        Assert.Equal("0 0 6 * * *", fulfillment.DefaultSchedule);
    }
}
