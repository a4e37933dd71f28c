using System.Text.Json.Nodes;
using MlConnector.Simulators.AdobeCommerce;
using X3Line = MlConnector.Simulators.SageX3.SimulatedOrderLine;

namespace MlConnector.Sandbox;

/// <summary>
/// The demo's Adobe Commerce orders, each paid with a purchase order X3 has (its lines plus a freight line, so the
/// totals excluding tax agree): a simple product with taxed shipping; a configurable product with one of four
/// cancelled and a fixed-price bundle shipped together (a saved order, sent by an observer hook); a dynamic-price
/// bundle shipped separately (sent by the place hook, before the order has ids); and an order whose purchase order X3
/// lacks. Every invoice X3 gets must come to the order's grand total less what was cancelled.
/// </summary>
public sealed record AdobeDemoOrders(JsonObject Widgets, JsonObject ChairsAndKit, JsonObject DeskKit, JsonObject Unmatched)
{
    public const string Supplier = "SUPDEMO";

    public IReadOnlyList<JsonObject> Matched => [Widgets, ChairsAndKit, DeskKit];

    /// <summary>Seeds X3 (supplier, products, GL account, purchase orders) and Commerce (the orders); returns the orders.</summary>
    public static AdobeDemoOrders Seed(Sandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var x3 = sandbox.X3;
        x3.SeedSupplier(Supplier, "Demo storefront supplier");
        foreach (var (code, name) in new[] { ("ITM-DEMO-1", "Demo widget"), ("CHAIR-RED-M", "Task chair (red, M)"), ("KIT-YOGA", "Yoga kit"), ("MONITOR-ARM", "Monitor arm"), ("CABLE-TRAY", "Cable tray") })
        {
            x3.SeedProduct(code, name);
        }

        x3.SeedGlAccount("60710", "Purchases of goods");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        x3.SeedPurchaseOrder(Supplier, today, [Line(1, "ITM-DEMO-1", 4, 25m), Freight(2, 10m)], number: "PODEMO0001");
        x3.SeedPurchaseOrder(Supplier, today, [Line(1, "CHAIR-RED-M", 3, 75m), Line(2, "KIT-YOGA", 1, 120m), Freight(3, 20m)], number: "PODEMO0003");
        x3.SeedPurchaseOrder(Supplier, today, [Line(1, "MONITOR-ARM", 1, 80m), Line(2, "CABLE-TRAY", 2, 15m), Freight(3, 15m)], number: "PODEMO0004");

        var adobe = sandbox.Adobe;
        return new AdobeDemoOrders(
            adobe.SeedOrder(new SimulatedOrder("000000101", "PODEMO0001", [new SimulatedOrderLine("ITM-DEMO-1", "Demo widget", 4, 25m, TaxPercent: 10)])
            {
                ShippingAmount = 10m,
                ShippingTaxPercent = 10m,
            }),
            adobe.SeedOrder(new SimulatedOrder("000000103", "PODEMO0003",
            [
                new SimulatedOrderLine("CHAIR-RED-M", "Task chair (red, M)", 4, 75m, TaxPercent: 8.25m, Configurable: true) { QtyCanceled = 1 },
                SimulatedOrderLine.Bundle("KIT-YOGA", "Yoga kit", 1,
                    [new SimulatedBundleOption("YOGA-MAT", "Yoga mat", 1), new SimulatedBundleOption("YOGA-BLOCK", "Yoga block", 2), new SimulatedBundleOption("YOGA-STRAP", "Yoga strap", 1)],
                    fixedPrice: 120m, taxPercent: 8.25m),
            ])
            {
                ShippingAmount = 20m,
                ShippingTaxPercent = 8.25m,
            }),
            adobe.SeedOrder(new SimulatedOrder("000000104", "PODEMO0004",
            [
                SimulatedOrderLine.Bundle("KIT-DESK", "Desk kit", 1,
                    [new SimulatedBundleOption("MONITOR-ARM", "Monitor arm", 1, 80m), new SimulatedBundleOption("CABLE-TRAY", "Cable tray", 2, 15m)],
                    taxPercent: 8.25m, shipSeparately: true),
            ])
            {
                ShippingAmount = 15m,
            }),
            adobe.SeedOrder(new SimulatedOrder("000000102", "PO-UNKNOWN-77", [new SimulatedOrderLine("ITM-DEMO-1", "Demo widget", 1, 25m)])));
    }

    /// <summary>What Commerce asks to be paid for an order: its grand total less what was cancelled.</summary>
    public static decimal Due(JsonObject order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return (decimal)order["grand_total"]! - ((decimal?)order["total_canceled"] ?? 0);
    }

    private static X3Line Line(int number, string item, decimal quantity, decimal price) => new(number, item, item, quantity, "UN", price, "60710");

    private static X3Line Freight(int number, decimal amount) => new(number, "FREIGHT", "Freight", 1, "UN", amount, "60710");
}
