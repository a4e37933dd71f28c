using System.Text.Json.Nodes;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

/// <summary>The supplier invoice carries the order's money as Commerce totals it, and comes to its grand total.</summary>
public sealed class InvoiceMoneyTests
{
    private readonly CommerceStore _store = new(new AdobeCommerceSimulatorOptions());

    [Fact]
    public async Task Tax_on_shipping_is_invoiced_so_the_invoice_comes_to_the_grand_total()
    {
        // One line of 145.00 with 8% tax (11.60), shipping 10.00 with 5% tax (0.50): grand total 167.10.
        var order = _store.AddOrder(new SimulatedOrder("000000301", "PO-301", [new SimulatedOrderLine("DESK-100", "Standing desk", 1, 145m, TaxPercent: 8m)])
        {
            ShippingAmount = 10m,
            ShippingTaxPercent = 5m,
        });

        var invoice = await new InvoiceMapping("PO-301", 155m).InvoiceAsync(order);

        Assert.Equal(0.50m, invoice.ShippingTaxAmount);
        Assert.Equal(12.10m, invoice.TotalTax);
        Assert.Equal(167.10m, (decimal)order["grand_total"]!);
        Assert.Equal(167.10m, invoice.TotalIncludingTax);
    }

    [Fact]
    public async Task Cancelled_quantities_are_not_billed_and_the_invoice_comes_to_what_is_still_due()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000302", "PO-302",
        [
            new SimulatedOrderLine("DESK-100", "Standing desk", 2, 250m, TaxPercent: 8.25m),
            new SimulatedOrderLine("CHAIR-RED-M", "Task chair (red, M)", 4, 75m, TaxPercent: 8.25m, Configurable: true) { QtyCanceled = 1 },
        ]));

        var invoice = await new InvoiceMapping("PO-302", 725m).InvoiceAsync(order);

        var chair = Assert.Single(invoice.Lines, line => line.ItemCode == "CHAIR-RED-M");
        Assert.Equal((3m, 75m, 18.56m), (chair.Quantity, chair.UnitPrice, chair.TaxAmount));
        Assert.Equal(866m, (decimal)order["grand_total"]!);
        Assert.Equal(81.19m, (decimal)order["total_canceled"]!);
        Assert.Equal(784.81m, invoice.AmountDue);
    }

    [Fact]
    public async Task Gift_cards_store_credit_and_reward_points_are_taken_off_as_commerce_takes_them_off_the_grand_total()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000303", "PO-303", [new SimulatedOrderLine("DESK-100", "Standing desk", 1, 100m, TaxPercent: 10m)])
        {
            GiftCardAmount = 25m,
            StoreCreditAmount = 10m,
            RewardPointsAmount = 5m,
        });

        var invoice = await new InvoiceMapping("PO-303", 100m).InvoiceAsync(order);

        Assert.Equal(70m, (decimal)order["grand_total"]!);
        Assert.Equal(40m, invoice.PrepaidAmount);
        Assert.Equal(110m, invoice.TotalIncludingTax);
        Assert.Equal(70m, invoice.AmountDue);
    }

    [Fact]
    public async Task Every_product_type_is_billed_once_and_the_invoice_comes_to_the_grand_total_less_what_was_cancelled()
    {
        var order = _store.AddOrder(Orders.AllProductTypes());

        var invoice = await new InvoiceMapping("PO-200", 1214.99m).InvoiceAsync(order);

        Assert.Equal(
            [
                ("DESK-100", 2m, 250m, 41.25m), ("CHAIR-RED-M", 3m, 75m, 18.56m), ("KIT-YOGA", 1m, 120m, 9.90m),
                ("MONITOR-ARM", 2m, 80m, 13.20m), ("CABLE-TRAY", 4m, 15m, 4.95m),
                ("VIRT-SETUP", 1m, 50m, 0m), ("DL-MANUAL", 1m, 19.99m, 0m), ("GIFTCARD-50", 1m, 50m, 0m),
            ],
            invoice.Lines.Select(line => (line.ItemCode, line.Quantity, line.UnitPrice, line.TaxAmount)));
        Assert.Equal((30m, 2.48m, 40m), (invoice.ShippingAmount, invoice.ShippingTaxAmount, invoice.PrepaidAmount));
        Assert.Equal((decimal)order["grand_total"]! - (decimal)order["total_canceled"]!, invoice.AmountDue);
        Assert.Equal(1265.33m, invoice.AmountDue);
    }

    [Fact]
    public async Task A_fixed_price_bundle_is_billed_under_its_own_sku_not_the_composite_order_sku()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000304", "PO-304", [Orders.YogaKit()]));

        var line = Assert.Single((await new InvoiceMapping("PO-304", 120m).InvoiceAsync(order)).Lines);

        Assert.Equal("KIT-YOGA-YOGA-MAT-YOGA-BLOCK-YOGA-STRAP", (string?)order["items"]![0]!["sku"]);
        Assert.Equal(("KIT-YOGA", 1m, 120m, 9.90m), (line.ItemCode, line.Quantity, line.UnitPrice, line.TaxAmount));
    }

    [Fact]
    public async Task An_item_number_mapping_of_the_composite_sku_wins_over_the_bundles_own_sku()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000305", "PO-305", [Orders.YogaKit()]));
        var mapping = new InvoiceMapping("PO-305", 120m);
        mapping.Mappings.Entries[(MappingTableNames.ItemNumber, "KIT-YOGA-YOGA-MAT-YOGA-BLOCK-YOGA-STRAP")] = "X3-YOGA-KIT";
        mapping.Reference.Products.Add("X3-YOGA-KIT");

        Assert.Equal("X3-YOGA-KIT", Assert.Single((await mapping.InvoiceAsync(order)).Lines).ItemCode);
    }

    [Fact]
    public async Task A_dynamic_price_bundle_bills_its_options_and_not_the_bundle()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000306", "PO-306", [Orders.DeskKit()]));

        var invoice = await new InvoiceMapping("PO-306", 220m).InvoiceAsync(order);

        Assert.Equal([("MONITOR-ARM", 2m, 80m), ("CABLE-TRAY", 4m, 15m)], invoice.Lines.Select(line => (line.ItemCode, line.Quantity, line.UnitPrice)));
    }

    [Fact]
    public async Task The_supplier_is_the_purchase_orders_and_never_the_store_name()
    {
        var order = _store.AddOrder(Orders.Standard(poNumber: "PO-307"));

        var invoice = await new InvoiceMapping("PO-307", 830m).InvoiceAsync(order);

        Assert.Equal("Main Website\nMain Website Store\nDefault Store View", (string?)order["store_name"]);
        Assert.Equal(("SUP-ACME", "SUP-ACME"), (invoice.Supplier.Code, invoice.Supplier.Name));
    }

    [Fact]
    public async Task An_order_whose_lines_do_not_come_to_its_grand_total_is_rejected_with_both_numbers()
    {
        var order = _store.AddOrder(new SimulatedOrder("000000308", "PO-308", [new SimulatedOrderLine("DESK-100", "Standing desk", 1, 100m, TaxPercent: 10m)]) { ShippingAmount = 5m });
        order["grand_total"] = 120m; // a fee the connector does not know about (115.00 from the lines)

        var result = await new InvoiceMapping("PO-308", 105m).MapAsync(order);

        Assert.Equal(
            "Order 000000308: invoice total 115.00 USD (lines 100.00, tax 10.00 including shipping tax 0.00, shipping 5.00, discount 0.00, gift cards 0.00, store credit 0.00, reward points 0.00) " +
            "does not equal the order's grand total 120.00 = 120.00 (difference -5.00)",
            Assert.IsType<MapResult.RejectedResult>(result).Reason);
    }

    [Fact]
    public async Task Discount_tax_compensation_counts_as_tax_inside_a_tax_inclusive_discount()
    {
        // A 10.00 tax-inclusive discount at 10% tax: 0.91 of it is tax Commerce records as compensation.
        var order = _store.AddOrder(new SimulatedOrder("000000309", "PO-309", [new SimulatedOrderLine("DESK-100", "Standing desk", 1, 100m, TaxPercent: 10m)]) { DiscountAmount = 10m });
        order["discount_tax_compensation_amount"] = 0.91m;
        order["tax_amount"] = 9.09m;
        order["items"]![0]!["tax_amount"] = 9.09m;
        order["grand_total"] = 100m;

        var invoice = await new InvoiceMapping("PO-309", 90.91m).InvoiceAsync(order);

        Assert.Equal((9.09m, 100m), (invoice.DiscountAmount, invoice.AmountDue));
    }
}
