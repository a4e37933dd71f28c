using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify.Model;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>PO-level freight, other charges, tax and discount reach the X3 order, whose total is Procurify's.</summary>
public sealed class ProcurifyMoneyTests : IAsyncLifetime
{
    private SeededProcurify _seeded = null!;

    public async Task InitializeAsync() => _seeded = await SeededProcurify.StartAsync(new SeedRequest { PurchaseOrders = 12, LinesPerOrder = 3, UnmappableShare = 0, ApprovedRequisitions = 1 });

    public async Task DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task Every_purchase_order_totals_in_x3_what_it_totals_in_procurify_whatever_its_freight_tax_and_discount()
    {
        var records = await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null);
        var mapper = new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options());

        Assert.Equal(12, records.Count);
        foreach (var record in records)
        {
            var stored = _seeded.Harness.Simulator.Store.PurchaseOrder(int.Parse(record.Key, CultureInfo.InvariantCulture))!;
            var order = Mapped(await mapper.MapAsync(record, CancellationToken.None));
            Assert.Equal(stored.Total, order.TotalExcludingTax + order.TotalTax);
            Assert.Equal(stored.TaxAmount, order.TotalTax);
        }
    }

    [Fact]
    public async Task Freight_other_charges_and_a_percentage_discount_become_lines_of_their_x3_items()
    {
        // PO 1001 carries tax as an amount, freight 25.00, other charges 5.00 and a 10% discount.
        var stored = _seeded.Harness.Simulator.Store.PurchaseOrder(1001)!;
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null)).Single(r => r.Key == "1001");

        var order = Mapped(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record, CancellationToken.None));

        var charges = order.Lines.Skip(stored.Lines.Count).Select(line => (line.LineNumber, line.ItemCode, line.Quantity, line.UnitPrice)).ToList();
        Assert.Equal(
            [(4, ProcurifySeedGenerator.FreightItem, 1m, 25.00m), (5, ProcurifySeedGenerator.OtherChargeItem, 1m, 5.00m), (6, ProcurifySeedGenerator.DiscountItem, 1m, -Math.Round(stored.Subtotal * 0.10m, 2))],
            charges);
        Assert.Equal(stored.Lines.Select(line => line.TaxAmount), order.Lines.Take(stored.Lines.Count).Select(line => line.TaxAmount));
    }

    [Fact]
    public async Task A_percentage_tax_is_spread_over_the_lines_to_the_cent_in_proportion_to_their_amounts()
    {
        _seeded.Harness.Simulator.ModifyPurchaseOrder(1002, po => po with { Tax = SimPriceModifier.Percentage(7.5m) });
        var stored = _seeded.Harness.Simulator.Store.PurchaseOrder(1002)!;
        var record = Assert.Single(await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: stored.LastModified!.Value.AddSeconds(-1)));

        var order = Mapped(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record, CancellationToken.None));

        Assert.Equal(stored.TaxAmount, order.TotalTax);
        Assert.All(order.Lines, line => Assert.Equal(line.TaxAmount, Math.Round(line.TaxAmount, 2)));
        var shares = order.Lines.Select(line => line.TaxAmount / (line.Quantity * line.UnitPrice)).ToList();
        Assert.All(shares, share => Assert.InRange(share, 0.0745m, 0.0755m));
    }

    [Fact]
    public async Task An_order_with_freight_but_no_freight_item_set_is_rejected_naming_the_setting()
    {
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null)).Single(r => r.Key == "1001");

        var reason = Rejected(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, new ProcurifyX3Options()).MapAsync(record, CancellationToken.None));

        Assert.Contains("PO 1001 carries freight of 25.00: set ProcurifyX3__FreightItemCode to the X3 product it is ordered as", reason, StringComparison.Ordinal);
        Assert.Contains("ProcurifyX3__DiscountItemCode", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_tax_that_does_not_add_up_to_procurify_s_total_is_rejected_with_the_figures()
    {
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null)).Single(r => r.Key == "1001");
        var payload = With(record.Payload, node => node["total"] = "1.00");

        var reason = Rejected(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record with { Payload = payload }, CancellationToken.None));

        Assert.Matches(@"^PO 1001 would total [\d.]+ in X3 \(subtotal [\d.]+, discount [\d.]+, tax [\d.]+, freight 25\.00, other 5\.00\) but Procurify's total is 1\.00$", reason);
    }

    [Fact]
    public async Task A_requisition_s_line_shipping_is_ordered_as_freight()
    {
        var record = Assert.Single(await _seeded.Harness.ReadAllAsync(_seeded.Harness.Requisitions, since: null));
        var payload = With(record.Payload, node =>
        {
            node["order_items"]![0]!["shipping_amount"] = "12.00";
            node["order_items"]![1]!["shipping_amount"] = "3.50";
        });

        var order = Mapped(await new ProcurifyRequisitionMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record with { Payload = payload }, CancellationToken.None));

        var freight = order.Lines[^1];
        Assert.Equal((ProcurifySeedGenerator.FreightItem, 15.50m), (freight.ItemCode, freight.UnitPrice));
        var requisition = Assert.Single(_seeded.Harness.Simulator.Store.Requisitions);
        Assert.Equal(requisition.Lines.Sum(line => line.Item.TotalCost) + 15.50m, order.TotalExcludingTax + order.TotalTax);
    }

    private static ProcurifyX3Options Options() => new()
    {
        FreightItemCode = ProcurifySeedGenerator.FreightItem,
        OtherChargeItemCode = ProcurifySeedGenerator.OtherChargeItem,
        DiscountItemCode = ProcurifySeedGenerator.DiscountItem,
    };

    private static PurchaseOrder Mapped(MapResult result) => result switch
    {
        MapResult.MappedResult mapped => CanonicalJson.FromElement<PurchaseOrder>(mapped.Document.Body),
        MapResult.RejectedResult rejected => throw new Xunit.Sdk.XunitException("Rejected: " + rejected.Reason),
        _ => throw new Xunit.Sdk.XunitException(result.ToString()),
    };

    private static string Rejected(MapResult result) => Assert.IsType<MapResult.RejectedResult>(result).Reason;

    private static JsonElement With(JsonElement payload, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(payload.GetRawText())!;
        change(node);
        return JsonSerializer.SerializeToElement(node);
    }
}
