using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests.Support;

internal static class Orders
{
    /// <summary>Two lines: a simple product and a configurable one (parent + child), with tax, shipping and a discount.</summary>
    public static SimulatedOrder Standard(string incrementId = "000000123", string? poNumber = "PO-77") =>
        new(incrementId, poNumber,
        [
            new SimulatedOrderLine("DESK-100", "Standing desk", 2, 250m, TaxPercent: 8.25m),
            new SimulatedOrderLine("CHAIR-RED-M", "Task chair (red, M)", 4, 75m, TaxPercent: 8.25m, Configurable: true),
        ])
        {
            ShippingAmount = 40m,
            DiscountAmount = 10m,
        };
}
