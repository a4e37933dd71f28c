using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Mapping;
using MlConnector.Flows.JaggaerX3;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Flows.StediX3;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Sandbox;
using MlConnector.Simulators.AdobeCommerce;
using MlConnector.Simulators.Procurify.Seeding;
using MlConnector.Simulators.Stedi;
using JaggaerSeedRequest = MlConnector.Simulators.Jaggaer.Seeding.SeedRequest;
using SpsOrderSeedRequest = MlConnector.Simulators.SpsCommerce.Seeding.OrderSeedRequest;

namespace MlConnector.Cli.Demo;

/// <summary>
/// The demo's story, run through the real local runtime: Procurify purchase orders and approved requisitions
/// into X3 (a share deliberately unmappable), JAGGAER suppliers then purchase orders into X3 (a share charging a GL
/// account X3 lacks), signed Adobe Commerce order webhooks into X3 supplier invoices,
/// X3 deliveries back to Adobe Commerce as shipments, X3 orders of an EDI supplier out to Stedi as 850s with the
/// partner's 855 and 856 coming back through Stedi's webhook, and X3 customer invoices out as 810s.
/// </summary>
public sealed class DemoScenario(Sandbox.Sandbox sandbox, IServiceProvider services, Uri runtimeAddress)
{
    public async Task<IReadOnlyList<string>> RunAsync(Action<string> report, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var mappings = services.GetRequiredService<TableMappingTables>();
        var poller = services.GetRequiredService<FlowPoller>();

        report("Seeding Procurify (40 purchase orders, 10% unmappable; 5 approved requisitions) and X3 master data");
        var scenario = await sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 40, LinesPerOrder = 3, UnmappableShare = 0.1, ApprovedRequisitions = 5 }, mappings, cancellationToken);
        notes.Add($"Procurify: {scenario.MappablePurchaseOrders.Count} mappable and {scenario.UnmappablePurchaseOrders.Count} unmappable purchase orders seeded.");

        report("Syncing procurify-x3 and procurify-requisitions-x3");
        await poller.PollAsync("procurify-x3", cancellationToken);
        await poller.PollAsync("procurify-requisitions-x3", cancellationToken);
        await WaitForQueuesAsync(cancellationToken);

        report("Seeding JAGGAER (5 suppliers, 20 purchase orders, 20% charging GL account 69999 that X3 lacks) and the X3 accounts, cost centres and products");
        var jaggaer = sandbox.SeedJaggaer(new JaggaerSeedRequest { Suppliers = 5, PurchaseOrders = 20, LinesPerOrder = 2, UnknownAccountShare = 0.2 });

        report($"Syncing {JaggaerX3Flows.SuppliersName}, then {JaggaerX3Flows.PurchaseOrdersName}");
        await poller.PollAsync(JaggaerX3Flows.SuppliersName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        await poller.PollAsync(JaggaerX3Flows.PurchaseOrdersName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        var jaggaerSuppliersInX3 = jaggaer.SupplierCodes.Values.Where(code => sandbox.X3.Find("BPSUPPLIER", code) is not null).ToList();
        var jaggaerOrdersInX3 = jaggaer.PoNumbers.Values.Count(number => sandbox.X3.FindByExternalReference("PORDER", number).Count > 0);
        notes.Add($"JAGGAER: {jaggaerSuppliersInX3.Count} of {jaggaer.SupplierCodes.Count} suppliers written to X3 ({string.Join(", ", jaggaerSuppliersInX3)}); " +
                  $"{jaggaerOrdersInX3} of {jaggaer.PoNumbers.Count} purchase orders written, {jaggaer.RejectedPurchaseOrders.Count} rejected for GL account 69999 " +
                  $"(see the reasons below; `mlc mappings import` of a row {MappingTableNames.CostCodeToGlAccount},69999,<X3 account> lets the next sync write them).");

        report("Dropping 16 RSX purchase orders from Walmart, Target and Amazon test partners into SPS out/PO/ (the four shapes retailers send: cross-dock with mark-for stores, multi-store, bulk in cases, drop-ship to a consumer; 2 from an unmapped partner, 1 naming an unknown item, plus 1 broken file)");
        var sps = await sandbox.SeedSpsAsync(new SpsOrderSeedRequest { Orders = 9, UnknownPartnerOrders = 2, UnknownItemOrders = 1, MalformedFiles = 1, Shapes = true }, mappings, cancellationToken);

        report($"Syncing {SpsCommerceX3Flows.OrdersName}");
        await poller.PollAsync(SpsCommerceX3Flows.OrdersName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        var spsOrdersInX3 = sandbox.X3.SalesOrders().Count;
        notes.Add($"SPS Commerce: {spsOrdersInX3} of {sps.WritableOrders.Count + sps.UnknownPartnerOrders.Count + sps.UnknownItemOrders.Count} trading partner orders written to X3 as sales orders; " +
                  $"{sps.UnknownPartnerOrders.Count} wait for a {MappingTableNames.TradingPartner} row for {Simulators.SpsCommerce.Seeding.OrderSeedScenario.UnknownPartnerId}, {sps.UnknownItemOrders.Count} for an {MappingTableNames.ItemNumber} row, " +
                  $"1 broken file is recorded with its content; {sandbox.Sps.Files.Files("out/").Count} files left in out/ (each is deleted once its orders are recorded).");

        report($"Syncing {SpsCommerceX3Flows.AcknowledgmentsName}");
        await poller.PollAsync(SpsCommerceX3Flows.AcknowledgmentsName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        notes.Add($"SPS Commerce: {sandbox.Sps.Files.Files("in/").Count(file => file.Path.StartsWith("in/PR_", StringComparison.Ordinal))} purchase order acknowledgments (855, RSX OrderAcks) uploaded to in/.");

        report($"Invoicing four of the SPS sales orders in X3 (3 validated, 1 left as a draft); syncing {SpsCommerceX3Flows.InvoicesName}");
        var invoicedOrders = sandbox.X3.SalesOrders().Take(4).Select(order => order["SOHNUM"]!.ToString()).ToList();
        var spsInvoices = invoicedOrders.Select((order, i) => sandbox.X3.InvoiceSalesOrder(order, new DateOnly(2026, 12, 4), taxRate: 0.08m, validated: i < 3)).ToList();
        await poller.PollAsync(SpsCommerceX3Flows.InvoicesName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        notes.Add($"SPS Commerce: {sandbox.Sps.Files.Files("in/").Count(file => file.Path.StartsWith("in/IN_", StringComparison.Ordinal))} invoices (810, RSX Invoices) uploaded to in/ " +
                  $"for X3 invoices {string.Join(", ", spsInvoices.Take(3))}; the draft {spsInvoices.Last()} waits for validation in X3.");

        report("Sending signed Adobe Commerce order webhooks to the runtime (a simple product with taxed shipping; a configurable product partly cancelled and a bundle; a bundle shipped separately, by the place hook)");
        var adobeOrders = AdobeDemoOrders.Seed(sandbox);
        var webhook = new Uri(runtimeAddress, "api/webhooks/adobe-commerce");
        var first = await sandbox.Adobe.SendOrderWebhookAsync(webhook, adobeOrders.Widgets, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Deliveries = 2 }, cancellationToken);
        await sandbox.Adobe.SendOrderWebhookAsync(webhook, adobeOrders.ChairsAndKit, WebhookSigningScheme.CommerceRsa, cancellationToken: cancellationToken);
        var placed = await sandbox.Adobe.SendOrderWebhookAsync(webhook, adobeOrders.DeskKit, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Payload = WebhookPayload.OrderBeingPlaced }, cancellationToken);
        var second = await sandbox.Adobe.SendOrderWebhookAsync(webhook, adobeOrders.Unmatched, WebhookSigningScheme.CommerceRsa, cancellationToken: cancellationToken);
        var tampered = await sandbox.Adobe.SendOrderWebhookAsync(webhook, adobeOrders.Widgets, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { TamperBody = true }, cancellationToken);
        notes.Add($"Adobe webhooks: order 000000101 delivered twice (HTTP {string.Join(", ", first.Deliveries.Select(d => d.StatusCode))}), 000000104 by the place hook before it had ids (HTTP {placed.StatusCode}), " +
                  $"000000102 once (HTTP {second.StatusCode}); a tampered copy was refused and recorded, and still answered {tampered.ResponseBody} so the shopper's checkout " +
                  $"{(tampered.BlocksCheckout ? "FAILED" : "went on")}.");
        await WaitForQueuesAsync(cancellationToken);
        notes.Add("Adobe -> X3 invoice totals (X3 AMTATI vs Commerce grand total less cancelled): " + string.Join("; ", adobeOrders.Matched.Select(order =>
        {
            var number = (string)order["increment_id"]!;
            var invoice = sandbox.X3.SupplierInvoices().FirstOrDefault(row => row["YEXTREF"]?.ToString() == number);
            var x3Total = invoice?["AMTATI"]?.GetValue<decimal>();
            return string.Create(CultureInfo.InvariantCulture,
                $"{number} {(x3Total is { } total ? total.ToString("0.00", CultureInfo.InvariantCulture) : "no invoice")} vs {AdobeDemoOrders.Due(order):0.00}{(x3Total == AdobeDemoOrders.Due(order) ? " (equal)" : " (DIFFERENT)")}");
        })) + ".");

        report("Polling X3 deliveries back to Adobe Commerce (x3-adobe-fulfillment): widgets; chairs and the yoga kit by its components; the desk kit's options");
        var shipDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        sandbox.X3.SeedDelivery("DLVDEMO01", "000000101", shipDate, "UPS", "1Z999AA10123456784", confirmed: true, [("ITM-DEMO-1", 4m)]);
        sandbox.X3.SeedDelivery("DLVDEMO03", "000000103", shipDate, "UPS", "1Z999AA10123456785", confirmed: true, [("CHAIR-RED-M", 3m), ("YOGA-MAT", 1m), ("YOGA-BLOCK", 2m), ("YOGA-STRAP", 1m)]);
        sandbox.X3.SeedDelivery("DLVDEMO04", "000000104", shipDate, "UPS", "1Z999AA10123456786", confirmed: true, [("MONITOR-ARM", 1m), ("CABLE-TRAY", 2m)]);
        await poller.PollAsync("x3-adobe-fulfillment", cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        notes.Add("Adobe Commerce shipments: " + string.Join("; ", adobeOrders.Matched.Select(order =>
        {
            var number = (string)order["increment_id"]!;
            var shipped = sandbox.Adobe.ShipmentsFor(order["entity_id"]!.GetValue<long>()).SelectMany(shipment => shipment["items"]!.AsArray())
                .Select(item => string.Create(CultureInfo.InvariantCulture, $"{item!["sku"]} x{item["qty"]!.GetValue<decimal>():0.##}"));
            return $"{number} ({sandbox.Adobe.GetOrder(number)!["state"]}): {string.Join(", ", shipped)}";
        })) + $". X3 has {sandbox.X3.SupplierInvoices().Count} supplier invoice(s) and {sandbox.X3.PurchaseOrders().Count} purchase orders.");

        report($"Shipping the four shaped SPS orders in X3 (the multi-store order store by store, the bulk order short); syncing {SpsCommerceX3Flows.ShipmentsName}");
        var deliveries = ShipSpsShapes(sps.ShapedOrders.Values);
        await poller.PollAsync(SpsCommerceX3Flows.ShipmentsName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        notes.Add($"SPS Commerce: {sandbox.Sps.Files.Files("in/").Count(file => file.Path.StartsWith("in/SH_", StringComparison.Ordinal))} ship notices (856, RSX Shipments) uploaded to in/ for X3 deliveries {string.Join(", ", deliveries)}, " +
                  "each carton labelled with an SSCC-18; the cross-dock notice has an order level per mark-for store.");

        report($"Seeding 4 X3 orders for EDI supplier {Sandbox.Sandbox.StediSupplier} and 2 for a supplier without EDI; syncing {StediX3Flows.PurchaseOrdersName}");
        var stediWebhook = new Uri(runtimeAddress, "api/webhooks/stedi");
        var ediOrders = await sandbox.SeedStediAsync(ediOrders: 4, paperOrders: 2, mappings, stediWebhook, cancellationToken);
        var outbound = await poller.PollAsync(StediX3Flows.PurchaseOrdersName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        await sandbox.Stedi.WebhooksIdleAsync();
        notes.Add($"Stedi: {sandbox.Stedi.Store.Interchanges.Count} X12 850 interchanges generated for {outbound.Enqueued} EDI orders ({string.Join(", ", ediOrders)}); " +
                  $"the other X3 orders (paper and non-EDI suppliers) were passed over without a reject; Stedi's {sandbox.Stedi.Store.Deliveries.Count} outbound events were acknowledged and not admitted.");

        report($"The trading partner answers through Stedi's webhook ({StediX3Flows.InboundName}): an 855 for {ediOrders[0]}, an 856 for {ediOrders[1]}, an 855 for an order X3 lacks");
        sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "855", PartnerDocuments.Acknowledgment(ediOrders[0], item: "ITM-EDI1"));
        sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "856", PartnerDocuments.ShipNotice("SHPDEMO01", "ITM-EDI1", ediOrders[1]));
        sandbox.Stedi.ReceiveFromPartner(Sandbox.Sandbox.StediPartnership, "855", PartnerDocuments.Acknowledgment("PO-NOT-IN-X3"));
        await sandbox.Stedi.WebhooksIdleAsync();
        await WaitForQueuesAsync(cancellationToken);
        notes.Add($"Stedi inbound: X3 order {ediOrders[0]} acknowledgment status '{sandbox.X3.Find("PORDER", ediOrders[0])?["YACKSTA"]}', " +
                  $"{sandbox.X3.FindByExternalReference("PRECEIPT", "SHPDEMO01").Count} receipt for ship notice SHPDEMO01; the 855 for PO-NOT-IN-X3 is rejected (reason below).");

        report($"Seeding X3 customer invoices (2 validated and 1 draft for EDI customer {Sandbox.Sandbox.StediCustomer}, 1 for a customer without EDI); syncing {StediX3Flows.InvoicesName}");
        var interchangesBefore = sandbox.Stedi.Store.Interchanges.Count;
        var invoices = await sandbox.SeedStediInvoicesAsync(validated: 2, mappings, cancellationToken);
        await poller.PollAsync(StediX3Flows.InvoicesName, cancellationToken);
        await WaitForQueuesAsync(cancellationToken);
        await sandbox.Stedi.WebhooksIdleAsync();
        await WaitForQueuesAsync(cancellationToken);
        notes.Add($"Stedi 810: {sandbox.Stedi.Store.Interchanges.Count - interchangesBefore} invoices sent ({string.Join(", ", invoices)}); the draft and the non-EDI customer's invoice were not sent.");
        return notes;
    }

    /// <summary>Delivers the shaped SPS orders as a warehouse would: the multi-store order one delivery per store, the bulk order 10 short on its first line.</summary>
    private List<string> ShipSpsShapes(IEnumerable<string> orderKeys)
    {
        var deliveries = new List<string>();
        var shipDate = new DateOnly(2026, 12, 6);
        foreach (var order in orderKeys.Select(key => sandbox.X3.FindByExternalReference("SORDER", key)).Where(found => found.Count > 0).Select(found => found[0]))
        {
            var number = order["SOHNUM"]!.ToString();
            var lines = ((System.Text.Json.Nodes.JsonArray)order["$lines"]!).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
            var stores = lines.GroupBy(line => line["BPAADD"]?.ToString()).ToList();
            if (order["BPAADD"] is null && stores.Count > 1)
            {
                deliveries.AddRange(stores.Select(store => sandbox.X3.DeliverSalesOrder(number, shipDate, "UPSN", "1Z999AA1" + store.Key + "0000", store.ToDictionary(l => (int)l["SOPLIN"]!, l => (decimal)l["QTY"]!))));
            }
            else
            {
                var shipped = lines.Select((line, i) => (Line: (int)line["SOPLIN"]!, Quantity: (decimal)line["QTY"]! - (i == 0 && (decimal)line["QTY"]! > 30 ? 10 : 0))).ToDictionary(l => l.Line, l => l.Quantity);
                deliveries.Add(sandbox.X3.DeliverSalesOrder(number, shipDate, order["BPTNUM"]?.ToString() ?? "UPSN", "PRO-" + number, shipped));
            }
        }

        return deliveries;
    }

    /// <summary>The local runtime's workers are processing in the background; wait until nothing is left in the pipeline.</summary>
    private Task WaitForQueuesAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<PipelineBacklog>().WaitUntilEmptyAsync(cancellationToken);
}
