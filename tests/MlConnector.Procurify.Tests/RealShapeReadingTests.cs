using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.ProcurifyX3;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>
/// What the connector reads from Procurify's real shapes: order-item rows that name their account, vendor and currency by
/// bare id, requisition lines found by <c>orderNum</c>, and the department that only an account knows.
/// </summary>
public sealed class RealShapeReadingTests : IAsyncLifetime
{
    private SeededProcurify _seeded = null!;

    public async Task InitializeAsync() => _seeded = await SeededProcurify.StartAsync(new SeedRequest { PurchaseOrders = 6, LinesPerOrder = 3, UnmappableShare = 0, ApprovedRequisitions = 3 });

    public async Task DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task Requisitions_receive_exactly_their_own_lines_with_vendor_account_and_department_resolved()
    {
        var records = await _seeded.Harness.ReadAllAsync(_seeded.Harness.Requisitions, since: null);
        var mapper = new ProcurifyRequisitionMapper(_seeded.Mappings, _seeded.X3, Options());

        Assert.Equal(["501", "502", "503"], records.Select(record => record.Key));
        foreach (var record in records)
        {
            var requisition = _seeded.Harness.Simulator.Store.Requisitions.Single(r => r.Num.ToString(CultureInfo.InvariantCulture) == record.Key);
            Assert.Equal(requisition.Lines.Select(line => line.Item.Id), record.Payload.GetProperty("order_items").EnumerateArray().Select(line => line.GetProperty("id").GetInt32()));

            var order = Mapped(await mapper.MapAsync(record, CancellationToken.None));
            Assert.Equal(_seeded.Scenario.VendorToSupplier[requisition.Lines[0].VendorId.ToString(CultureInfo.InvariantCulture)], order.Supplier.Code);
            Assert.Equal(
                requisition.Lines.Select(line => (_seeded.Scenario.AccountCodeToGlAccount[AccountCodeOf(line.Item.AccountCodeId)], _seeded.Scenario.DepartmentToCostCentre[line.Item.DepartmentId.ToString(CultureInfo.InvariantCulture)])),
                order.Lines.Select(line => (line.GlAccount!, line.CostCentre!)));
        }

        Assert.All(OrderItemCalls(), call => Assert.Matches(@"^\?orderNum=50\d&page=1&page_size=5$", call.Query));
    }

    [Fact]
    public async Task A_requisition_line_s_vendor_is_named_by_its_looked_up_name_and_matched_by_its_external_id()
    {
        _seeded.Harness.Simulator.Store.Put(_seeded.Harness.Simulator.Store.Vendor(101)! with { ExternalId = "SUP-EXT-101" });
        _seeded.X3.Add(ReferenceKind.Supplier, "SUP-EXT-101");
        var mappings = new InMemoryMappingTables()
            .AddAll(MappingTableNames.CostCodeToGlAccount, _seeded.Scenario.AccountCodeToGlAccount)
            .AddAll(MappingTableNames.DepartmentToCostCentre, _seeded.Scenario.DepartmentToCostCentre);
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.Requisitions, since: null)).First();

        var order = Mapped(await new ProcurifyRequisitionMapper(mappings, _seeded.X3, Options()).MapAsync(record, CancellationToken.None));

        Assert.Equal(new PartyReference("SUP-EXT-101", "Acme Ltd"), order.Supplier);
        Assert.Single(_seeded.Harness.Simulator.Journal.Entries, entry => entry.Path == "/api/v3/vendors/101/");
    }

    [Fact]
    public async Task Purchase_orders_read_in_bulk_map_each_line_to_the_cost_centre_of_its_account_s_department()
    {
        var records = await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null);
        var mapper = new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options());

        Assert.DoesNotContain(_seeded.Harness.Simulator.Journal.Entries, entry => entry.Path.StartsWith("/api/v2/purchase_orders/1", StringComparison.Ordinal));
        foreach (var record in records)
        {
            Assert.All(record.Payload.GetProperty("order_items").EnumerateArray(), line => Assert.Equal(JsonValueKind.Number, line.GetProperty("account").ValueKind));
            var stored = _seeded.Harness.Simulator.Store.PurchaseOrder(int.Parse(record.Key, CultureInfo.InvariantCulture))!;
            var order = Mapped(await mapper.MapAsync(record, CancellationToken.None));
            Assert.Equal(
                stored.Lines.Select(line => _seeded.Scenario.DepartmentToCostCentre[line.DepartmentId.ToString(CultureInfo.InvariantCulture)]),
                order.Lines.Where(line => line.GlAccount is not null).Select(line => line.CostCentre!));
        }
    }

    [Fact]
    public async Task A_line_whose_account_procurify_does_not_return_is_rejected_naming_the_account()
    {
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null)).First();
        var payload = With(record.Payload, node => node["mlc:references"]!["accounts"]!.AsObject().Clear());

        var reason = Rejected(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record with { Payload = payload }, CancellationToken.None));

        var account = _seeded.Harness.Simulator.Store.PurchaseOrder(1001)!.Lines[0].AccountId;
        Assert.Contains($"Line 1 of PO 1001 is charged to Procurify account {account}, which Procurify did not return", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_without_a_department_is_rejected_while_cost_centres_are_required_and_kept_empty_otherwise()
    {
        var record = (await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null)).First();
        var payload = With(record.Payload, node =>
        {
            foreach (var account in node["mlc:references"]!["accounts"]!.AsObject())
            {
                account.Value!.AsObject().Remove("department");
            }
        });

        var required = Rejected(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(record with { Payload = payload }, CancellationToken.None));
        var optional = Mapped(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options(requireCostCentre: false)).MapAsync(record with { Payload = payload }, CancellationToken.None));

        Assert.Contains("Line 1 of PO 1001 has no Procurify department", required, StringComparison.Ordinal);
        Assert.Contains("ProcurifyX3__RequireCostCentre=false", required, StringComparison.Ordinal);
        Assert.All(optional.Lines, line => Assert.Null(line.CostCentre));
    }

    [Fact]
    public async Task A_listed_purchase_order_without_its_id_becomes_a_rejected_record_not_a_silent_skip()
    {
        // A row as Procurify could send it with procurify_PO missing: the stream keys it by its UUID and the mapper says why.
        var records = await _seeded.Harness.ReadAllAsync(_seeded.Harness.PurchaseOrders, since: null);
        var listed = records.First().Payload;
        var broken = With(listed, node => node.AsObject().Remove("procurify_PO"));

        var reason = Rejected(await new ProcurifyPurchaseOrderMapper(_seeded.Mappings, _seeded.X3, Options()).MapAsync(new SourceRecord("uuid-x", "v1", null, broken), CancellationToken.None));

        Assert.Equal("Procurify purchase order uuid-x could not be read: The purchase order has no procurify_PO.", reason);
    }

    private static ProcurifyX3Options Options(bool requireCostCentre = true) => new()
    {
        RequireCostCentre = requireCostCentre,
        FreightItemCode = ProcurifySeedGenerator.FreightItem,
        OtherChargeItemCode = ProcurifySeedGenerator.OtherChargeItem,
        DiscountItemCode = ProcurifySeedGenerator.DiscountItem,
    };

    private string AccountCodeOf(int accountCodeId) => _seeded.Harness.Simulator.Store.AccountCode(accountCodeId)!.Code;

    private IEnumerable<MlConnector.Simulators.Common.JournalEntry> OrderItemCalls() =>
        _seeded.Harness.Simulator.Journal.Entries.Where(entry => entry.Path == "/api/v3/order-items/");

    private static PurchaseOrder Mapped(MapResult result) =>
        CanonicalJson.FromElement<PurchaseOrder>(Assert.IsType<MapResult.MappedResult>(result).Document.Body);

    private static string Rejected(MapResult result) => Assert.IsType<MapResult.RejectedResult>(result).Reason;

    private static JsonElement With(JsonElement payload, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(payload.GetRawText())!;
        change(node);
        return JsonSerializer.SerializeToElement(node);
    }
}
