using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

public sealed class WriteTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;
    private ServiceProvider _connector = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SageX3Simulator.StartAsync();
        _connector = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["DefaultSite"] = "US011" });
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private ITargetSink OrderSink => _connector.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");

    [Fact]
    public async Task A_purchase_order_is_created_carrying_the_source_number_then_updated_then_cancelled()
    {
        var created = await OrderSink.WriteAsync(Request(Order("PROC-9001")), CancellationToken.None);

        Assert.Equal(WriteAction.Created, created.Action);
        var stored = Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-9001"));
        Assert.Equal(created.TargetId, stored["POHNUM"]!.ToString());
        Assert.Equal("S0001", stored["BPSNUM"]!.ToString());
        Assert.Equal("US011", stored["POHFCY"]!.ToString());
        Assert.Equal(2, stored["$lines"]!.AsArray().Count);

        var changed = Order("PROC-9001") with { Lines = [Order("PROC-9001").Lines[0] with { Quantity = 40 }, Order("PROC-9001").Lines[1]] };
        var updated = await OrderSink.WriteAsync(Request(changed, existing: created.TargetId), CancellationToken.None);
        Assert.Equal(WriteAction.Updated, updated.Action);
        var afterEdit = _simulator.Find("PORDER", created.TargetId)!;
        Assert.Equal(2, afterEdit["$lines"]!.AsArray().Count);
        Assert.Equal(40m, afterEdit["$lines"]![0]!["QTYUOM"]!.GetValue<decimal>());
        Assert.Equal(stored["$lines"]![0]!["$uuid"]!.ToString(), afterEdit["$lines"]![0]!["$uuid"]!.ToString());
        Assert.Equal(2, afterEdit["$etag"]!.GetValue<int>());
        Assert.Equal(stored["$uuid"]!.ToString(), afterEdit["$uuid"]!.ToString());

        await OrderSink.WriteAsync(Request(changed with { Status = PurchaseOrderStatus.Cancelled }), CancellationToken.None);
        Assert.Equal(2, _simulator.Find("PORDER", created.TargetId)!["CLEFLG"]!.GetValue<int>());
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_create_never_yields_a_duplicate_order()
    {
        _simulator.Faults.DropConnectionAfterNext(pathContains: "/PORDER", method: "POST");

        var first = await OrderSink.WriteAsync(Request(Order("PROC-9002")), CancellationToken.None);
        var retry = await OrderSink.WriteAsync(Request(Order("PROC-9002"), ambiguous: true), CancellationToken.None);

        Assert.Equal(first.TargetId, retry.TargetId);
        Assert.Equal(WriteAction.AlreadyPresent, retry.Action);
        Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-9002"));
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
        Assert.Contains(_simulator.Journal.Entries, e => e.Method == "GET" && e.Query.Contains("YEXTREF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_newer_version_that_finds_the_order_an_interrupted_older_write_created_puts_its_changes_on_it()
    {
        // The older version is created, but its runtime is killed before it records the target id: the newer version's
        // write knows only that the order may exist.
        await OrderSink.WriteAsync(Request(Order("PROC-9006")), CancellationToken.None);

        var changed = Order("PROC-9006") with { Lines = [Order("PROC-9006").Lines[0] with { Quantity = 40 }, Order("PROC-9006").Lines[1]] };
        var newer = await OrderSink.WriteAsync(Request(changed, ambiguous: true), CancellationToken.None);

        Assert.Equal(WriteAction.Updated, newer.Action);
        var stored = Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-9006"));
        Assert.Equal(40m, stored["$lines"]![0]!["QTYUOM"]!.GetValue<decimal>());
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
    }

    [Fact]
    public async Task An_answer_held_back_past_the_timeout_after_the_create_was_applied_never_yields_a_duplicate_order()
    {
        await using var impatient = X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["DefaultSite"] = "US011" }, attemptTimeout: TimeSpan.FromSeconds(1));
        var sink = impatient.GetRequiredKeyedService<ITargetSink>("x3-purchase-order");
        _simulator.Faults.DelayAnswerAfterApply(TimeSpan.FromSeconds(4), pathContains: "/PORDER", method: "POST");

        var result = await sink.WriteAsync(Request(Order("PROC-9005")), CancellationToken.None);
        var retry = await sink.WriteAsync(Request(Order("PROC-9005"), ambiguous: true), CancellationToken.None);

        var stored = Assert.Single(_simulator.FindByExternalReference("PORDER", "PROC-9005"));
        Assert.Equal(stored["POHNUM"]!.ToString(), result.TargetId);
        Assert.Equal(result.TargetId, retry.TargetId);
        Assert.Equal(1, _simulator.CreateCount("PORDER"));
    }

    [Fact]
    public async Task X3_diagnoses_on_a_refused_order_become_a_permanent_readable_error()
    {
        var order = Order("PROC-9003") with { Supplier = new PartyReference("ZZZ99", "Unknown") };

        var error = await Assert.ThrowsAsync<TargetWriteException>(() => OrderSink.WriteAsync(Request(order), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("Supplier ZZZ99: record does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(_simulator.FindByExternalReference("PORDER", "PROC-9003"));
    }

    [Fact]
    public async Task A_server_error_on_create_is_transient()
    {
        _simulator.Faults.FailNext(503, pathContains: "/PORDER", method: "POST", body: "{\"$diagnoses\":[{\"$severity\":\"error\",\"$message\":\"Syracuse is restarting\"}]}");

        var error = await Assert.ThrowsAsync<TargetWriteException>(() => OrderSink.WriteAsync(Request(Order("PROC-9004")), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("Syracuse is restarting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_invoice_is_created_linked_to_its_order()
    {
        var invoice = new Invoice
        {
            SourceId = "adobe-100000077",
            Number = "INV-77",
            Supplier = new PartyReference("S0002", "Northwind Industrial"),
            PurchaseOrderNumber = "POSEED0001",
            InvoiceDate = new DateOnly(2026, 11, 20),
            Currency = "USD",
            ShippingAmount = 5m,
            Lines = [new InvoiceLine { LineNumber = 1, ItemCode = "BOX-40", Quantity = 10, UnitPrice = 1.35m, TaxAmount = 1.08m, GlAccount = "6064", PurchaseOrderLine = 1000 }],
        };
        var sink = _connector.GetRequiredKeyedService<ITargetSink>("x3-supplier-invoice");

        var result = await sink.WriteAsync(new WriteRequest("adobe-x3", "100000077", "1", null, false, "k", new TargetDocument("x3-supplier-invoice", "INV-77", "invoice", CanonicalJson.ToElement(invoice))), CancellationToken.None);

        var stored = Assert.Single(_simulator.SupplierInvoices());
        Assert.Equal(result.TargetId, stored["NUM"]!.ToString());
        Assert.Equal("POSEED0001", stored["POHNUM"]!.ToString());
        Assert.Equal("INV-77", stored["YEXTREF"]!.ToString());
        Assert.Equal(18.50m, stored["AMTNOT"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_acknowledgment_and_a_receipt_are_recorded_on_the_order()
    {
        var writer = _connector.GetRequiredService<SageX3Writer>();
        await writer.ConfirmPurchaseOrderAsync(new OrderAcknowledgment
        {
            SourceId = "855-1",
            PurchaseOrderNumber = "POSEED0002",
            Type = AcknowledgmentType.AcceptedWithChanges,
            AcknowledgedOn = new DateOnly(2026, 11, 21),
            Lines = [],
        }, CancellationToken.None);
        var notice = new ShipNotice
        {
            SourceId = "856-1",
            ShipmentId = "ASN-5001",
            PurchaseOrderNumber = "POSEED0002",
            ShipDate = new DateOnly(2026, 11, 22),
            CarrierCode = "UPS",
            TrackingNumber = "1Z1",
            Lines = [new ShippedLine(1000, "PALLET-EU", 3, "UN")],
        };

        var first = await writer.RecordReceiptAsync(notice, CancellationToken.None);
        var again = await writer.RecordReceiptAsync(notice, CancellationToken.None);

        Assert.Equal("AcceptedWithChanges", _simulator.Find("PORDER", "POSEED0002")!["YACKSTA"]!.ToString());
        Assert.Equal(WriteAction.Created, first.Action);
        Assert.Equal(WriteAction.AlreadyPresent, again.Action);
        Assert.Equal("S0003", _simulator.Find("PRECEIPT", first.TargetId)!["BPSNUM"]!.ToString());
        Assert.Equal(1, _simulator.CreateCount("PRECEIPT"));
    }

    [Fact]
    public async Task The_create_template_lists_the_representation_fields_and_lines()
    {
        var rest = _connector.GetRequiredService<MlConnector.Connectors.SageX3.Rest.SageX3RestClient>();

        var template = await rest.GetTemplateAsync("PORDER", "YMLPOH", CancellationToken.None);

        Assert.True(template.ContainsKey("BPSNUM"));
        Assert.True(template.ContainsKey("YEXTREF"));
        Assert.NotNull(template["PORDERP"]);
        Assert.False(template.ContainsKey("UPDDATTIM"));
    }

    private static PurchaseOrder Order(string number) => SampleOrders.Procurify(number);

    private static WriteRequest Request(PurchaseOrder order, string? existing = null, bool ambiguous = false) => SampleOrders.Request(order, existing, ambiguous);
}
