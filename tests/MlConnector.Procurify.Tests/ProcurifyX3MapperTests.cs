using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>Mapping runs on payloads the simulator really serves, against in-memory mapping tables and X3 reference data.</summary>
public sealed class ProcurifyX3MapperTests : IAsyncLifetime
{
    private SeededProcurify _seeded = null!;

    public async Task InitializeAsync() => _seeded = await SeededProcurify.StartAsync(new SeedRequest { PurchaseOrders = 4, LinesPerOrder = 3, UnmappableShare = 0.5, ApprovedRequisitions = 1 });

    public async Task DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_mappable_purchase_order_becomes_the_expected_x3_purchase_order()
    {
        var result = await MapPurchaseOrderAsync("1002");

        var document = Assert.IsType<MapResult.MappedResult>(result).Document;
        var order = CanonicalJson.FromElement<PurchaseOrder>(document.Body);
        Assert.Equal("x3-purchase-order", document.Kind);
        Assert.Equal("1002", document.ExternalReference);
        Assert.Equal("PO 1002 for Northwind Traders, 3 lines, 875.68 USD", document.Summary);
        Assert.Equal(new PartyReference("SUP102", "Northwind Traders"), order.Supplier);
        Assert.Equal(PurchaseOrderStatus.Open, order.Status);
        Assert.Equal(new DateOnly(2025, 3, 3), order.OrderDate);
        Assert.Equal("ACME-1002", order.BuyerReference);
        Assert.Equal(3, order.Lines.Count);
        var first = order.Lines[0];
        Assert.Equal((1, "CHR-ERG", 1m, "EA", 310.00m, 15.50m), (first.LineNumber, first.ItemCode, first.Quantity, first.Unit, first.UnitPrice, first.TaxAmount));
        Assert.Equal("622600", first.GlAccount);
        Assert.Equal("CC-MKT", first.CostCentre);
    }

    [Fact]
    public async Task A_vendor_without_an_x3_supplier_is_rejected_naming_the_vendor()
    {
        var unmapped = _seeded.Scenario.UnmappablePurchaseOrders.Single(pair => pair.Value == "unmapped vendor").Key;

        var reason = Assert.IsType<MapResult.RejectedResult>(await MapPurchaseOrderAsync(unmapped)).Reason;

        Assert.Contains("Vendor 'Unmapped Vendor Co' (Procurify vendor 199) has no X3 supplier: add it to the vendor mapping", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_code_without_an_x3_gl_account_is_rejected_naming_the_line()
    {
        var invalid = _seeded.Scenario.UnmappablePurchaseOrders.Single(pair => pair.Value == "invalid account code").Key;

        var reason = Assert.IsType<MapResult.RejectedResult>(await MapPurchaseOrderAsync(invalid)).Reason;

        Assert.StartsWith("GL account 9999 (Procurify account code 9999 on line 1) does not exist in X3 folder SEED", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_matched_by_external_id_maps_without_a_mapping_row()
    {
        // Vendor 555 has no mapping row; its external_id names an X3 supplier.
        var payload = await PayloadAsync("1002", node =>
        {
            foreach (var vendor in node["order_items"]!.AsArray().Select(line => line!["pref_vendor"]!).Append(node["pref_vendor"]!))
            {
                vendor["id"] = 555;
                vendor["external_id"] = "SUP-EXT";
            }
        });
        _seeded.X3.Add(ReferenceKind.Supplier, "SUP-EXT");

        var document = Assert.IsType<MapResult.MappedResult>(await Mapper().MapAsync(Record("1002", payload), CancellationToken.None)).Document;

        Assert.Equal("SUP-EXT", CanonicalJson.FromElement<PurchaseOrder>(document.Body).Supplier.Code);
    }

    [Fact]
    public async Task A_department_without_a_cost_centre_and_a_mapping_to_a_missing_supplier_are_both_reported()
    {
        var mappings = new InMemoryMappingTables()
            .Add(MappingTableNames.VendorToSupplier, "102", "NOPE")
            .AddAll(MappingTableNames.CostCodeToGlAccount, _seeded.Scenario.AccountCodeToGlAccount);
        var mapper = new ProcurifyPurchaseOrderMapper(mappings, _seeded.X3, new ProcurifyX3Options());

        var reason = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record("1002", await PayloadAsync("1002")), CancellationToken.None)).Reason;

        Assert.Contains("maps to X3 supplier NOPE, which does not exist in X3 folder SEED", reason, StringComparison.Ordinal);
        Assert.Contains("Department 'Marketing' (Procurify department 2 on line 1) has no X3 cost centre", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_order_without_lines_is_rejected()
    {
        var payload = await PayloadAsync("1002", node => node["order_items"] = new JsonArray());

        var reason = Assert.IsType<MapResult.RejectedResult>(await Mapper().MapAsync(Record("1002", payload), CancellationToken.None)).Reason;

        Assert.Equal("PO 1002 has no lines", reason);
    }

    [Fact]
    public async Task A_cancelled_purchase_order_maps_with_status_cancelled()
    {
        _seeded.Harness.Simulator.CancelPurchaseOrder(1002);

        var document = Assert.IsType<MapResult.MappedResult>(await MapPurchaseOrderAsync("1002")).Document;

        Assert.Equal(PurchaseOrderStatus.Cancelled, CanonicalJson.FromElement<PurchaseOrder>(document.Body).Status);
        Assert.EndsWith("(cancelled)", document.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_requisition_becomes_an_x3_purchase_order_referenced_by_its_number()
    {
        var record = Assert.Single(await _seeded.Harness.ReadAllAsync(_seeded.Harness.Requisitions, since: null));
        var mapper = new ProcurifyRequisitionMapper(_seeded.Mappings, _seeded.X3, new ProcurifyX3Options());

        var document = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(record, CancellationToken.None)).Document;
        var order = CanonicalJson.FromElement<PurchaseOrder>(document.Body);

        Assert.Equal("REQ-501", document.ExternalReference);
        Assert.StartsWith("Requisition 501 for Acme Ltd, 3 lines", document.Summary, StringComparison.Ordinal);
        Assert.Equal("SUP101", order.Supplier.Code);
        Assert.All(order.Lines, line => Assert.Equal("CC-OPS", line.CostCentre));
    }

    [Fact]
    public async Task A_requisition_with_lines_for_two_vendors_is_rejected()
    {
        var record = Assert.Single(await _seeded.Harness.ReadAllAsync(_seeded.Harness.Requisitions, since: null));
        var payload = With(record.Payload, node => node["order_items"]![1]!["pref_vendor"] = new JsonObject { ["id"] = 103, ["name"] = "Contoso Supplies" });
        var mapper = new ProcurifyRequisitionMapper(_seeded.Mappings, _seeded.X3, new ProcurifyX3Options());

        var reason = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(record with { Payload = payload }, CancellationToken.None)).Reason;

        Assert.StartsWith("Requisition 501 has lines for 2 vendors", reason, StringComparison.Ordinal);
    }

    private ProcurifyPurchaseOrderMapper Mapper() => new(_seeded.Mappings, _seeded.X3, new ProcurifyX3Options());

    private async Task<MapResult> MapPurchaseOrderAsync(string id) => await Mapper().MapAsync(Record(id, await PayloadAsync(id)), CancellationToken.None);

    private async Task<JsonElement> PayloadAsync(string id, Action<JsonNode>? change = null)
    {
        var payload = await _seeded.Harness.Client.GetPurchaseOrderAsync(id, CancellationToken.None);
        return change is null ? payload : With(payload, change);
    }

    private static JsonElement With(JsonElement payload, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(payload.GetRawText())!;
        change(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static SourceRecord Record(string key, JsonElement payload) => new(key, "v1", null, payload);
}
