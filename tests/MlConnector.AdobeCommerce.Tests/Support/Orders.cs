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

    /// <summary>The fixed-price yoga kit: one bundle of a mat, two blocks and a strap, shipped together, under a composite SKU.</summary>
    public static SimulatedOrderLine YogaKit(decimal qty = 1) =>
        SimulatedOrderLine.Bundle("KIT-YOGA", "Yoga kit", qty,
            [new SimulatedBundleOption("YOGA-MAT", "Yoga mat", 1), new SimulatedBundleOption("YOGA-BLOCK", "Yoga block", 2), new SimulatedBundleOption("YOGA-STRAP", "Yoga strap", 1)],
            fixedPrice: 120m, taxPercent: 8.25m);

    /// <summary>The dynamic-price desk kit: each bundle one monitor arm (80) and two cable trays (15 each), shipped separately.</summary>
    public static SimulatedOrderLine DeskKit(decimal qty = 2) =>
        SimulatedOrderLine.Bundle("KIT-DESK", "Desk kit", qty,
            [new SimulatedBundleOption("MONITOR-ARM", "Monitor arm", 1, 80m), new SimulatedBundleOption("CABLE-TRAY", "Cable tray", 2, 15m)],
            taxPercent: 8.25m, shipSeparately: true);

    /// <summary>
    /// Every product type Commerce sells: simple, configurable (one of four cancelled), fixed-price bundle shipped
    /// together, dynamic-price bundle shipped separately, virtual, downloadable and a gift card; shipping taxed; paid
    /// partly with a gift card account, store credit and reward points. Commerce's totals: subtotal 1259.99, tax 96.53
    /// (2.48 of it on shipping), shipping 30, prepaid 40, grand total 1346.52, cancelled 81.19.
    /// </summary>
    public static SimulatedOrder AllProductTypes(string incrementId = "000000200", string? poNumber = "PO-200") =>
        new(incrementId, poNumber,
        [
            new SimulatedOrderLine("DESK-100", "Standing desk", 2, 250m, TaxPercent: 8.25m),
            new SimulatedOrderLine("CHAIR-RED-M", "Task chair (red, M)", 4, 75m, TaxPercent: 8.25m, Configurable: true) { QtyCanceled = 1 },
            YogaKit(),
            DeskKit(),
            new SimulatedOrderLine("VIRT-SETUP", "Remote setup service", 1, 50m) { Type = SimulatedProductType.Virtual },
            new SimulatedOrderLine("DL-MANUAL", "Assembly manual (PDF)", 1, 19.99m) { Type = SimulatedProductType.Downloadable },
            new SimulatedOrderLine("GIFTCARD-50", "Gift card 50", 1, 50m) { Type = SimulatedProductType.GiftCard },
        ])
        {
            ShippingAmount = 30m,
            ShippingTaxPercent = 8.25m,
            GiftCardAmount = 25m,
            StoreCreditAmount = 10m,
            RewardPointsAmount = 5m,
        };
}
