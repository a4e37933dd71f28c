using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.Flows.SpsCommerceX3.Archive;
using MlConnector.Simulators.SpsCommerce.Contracts;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests.Contracts;

/// <summary>
/// SPS's full-field Orders example (every field filled) goes through our own mapping and back out as an 855, an 810 and an 856:
/// what we send echoes the order and must pass SPS's published schemas, whatever the order carried; our 856 is held
/// to the structure of SPS's full-field Shipments example (no Shipments schema was published to us).
/// </summary>
public sealed class OwnOutputContractTests
{
    [RsxContractFact]
    public async Task Our_855_and_810_for_sps_full_field_order_pass_sps_schemas_and_echo_the_buyers_identifiers()
    {
        var (archive, order) = await ArchivedFullFieldOrderAsync();
        var x3Order = order with { SourceId = "SO0001" };

        var ack = Assert.IsType<MapResult.MappedResult>(await new X3SalesOrderToRsxAckMapper(new SpsCommerceX3Options(), archive)
            .MapAsync(new SourceRecord("SO0001", "v1", DateTimeOffset.UtcNow, CanonicalJson.ToElement(x3Order)), CancellationToken.None)).Document;
        var invoice = new X3SalesInvoice(
            new Invoice
            {
                SourceId = "SI0001",
                Number = "SI0001",
                Supplier = order.Customer,
                PurchaseOrderNumber = order.CustomerOrderNumber,
                InvoiceDate = new DateOnly(2026, 12, 4),
                Currency = "USD",
                Lines = order.Lines.Select((l, i) => new InvoiceLine { LineNumber = (i + 1) * 1000, ItemCode = l.ItemCode, Quantity = l.Quantity, UnitPrice = l.UnitPrice, TaxAmount = 1.25m }).ToList(),
            },
            order.Lines.Select(l => l.Unit).ToList(),
            IsValidated: true,
            SalesOrderNumber: "SO0001",
            OrderExternalReference: order.ExternalReference);
        var bill = Assert.IsType<MapResult.MappedResult>(await new X3SalesInvoiceToRsxInvoiceMapper(new SpsCommerceX3Options(), archive)
            .MapAsync(new SourceRecord("SI0001", "v1", null, CanonicalJson.ToElement(invoice)), CancellationToken.None)).Document;

        Rsx.AssertValid(RsxDocumentType.OrderAcks, ack.Body);
        Rsx.AssertValid(RsxDocumentType.Invoices, bill.Body);
        var ackLine = ack.Body.GetProperty("LineItem")[0].GetProperty("OrderLine");
        Assert.Equal(("9999-SPS", "12345678901234", "BF"), (ackLine.GetProperty("BuyerPartNumber").GetString(), ackLine.GetProperty("GTIN").GetString(), ackLine.GetProperty("OrderQtyUOM").GetString()));
        var header = bill.Body.GetProperty("Header");
        Assert.Equal(("99999999", "026"), (header.GetProperty("InvoiceHeader").GetProperty("Vendor").GetString(), header.GetProperty("InvoiceHeader").GetProperty("Department").GetString()));
        var summary = bill.Body.GetProperty("Summary");
        var charges = order.ChargesAllowances.Sum(c => c.SignedAmount);
        Assert.Equal(summary.GetProperty("TotalSalesAmount").GetDecimal() + (1.25m * order.Lines.Count) + charges, summary.GetProperty("TotalAmount").GetDecimal());
        Assert.Equal(1.25m * order.Lines.Count, header.GetProperty("Taxes")[0].GetProperty("TaxAmount").GetDecimal());
    }

    [RsxContractFact]
    public async Task Our_856_for_sps_full_field_order_has_the_structure_of_sps_full_field_shipment_and_sscc_labelled_cartons()
    {
        var (archive, order) = await ArchivedFullFieldOrderAsync();
        var delivery = new Shipment
        {
            SourceId = "SD0001",
            OrderReference = order.ExternalReference!,
            SalesOrderNumber = "SO0001",
            ShipDate = new DateOnly(2026, 12, 6),
            Status = FulfillmentStatus.Shipped,
            Tracking = [new ShipmentTracking("UPSN", "UPS", "1Z999AA10123456784")],
            Lines = order.Lines.Select((l, i) => new ShippedLine((i + 1) * 1000, l.ItemCode, i == 0 ? Math.Max(1, l.Quantity - 1) : l.Quantity, l.Unit) { OrderLineNumber = l.LineNumber }).ToList(),
        };

        var notice = Assert.IsType<MapResult.MappedResult>(await new X3DeliveryToRsxShipmentMapper(new SpsCommerceX3Options(), archive, new InMemoryMappingTables())
            .MapAsync(new SourceRecord("SD0001", "v1", null, CanonicalJson.ToElement(delivery)), CancellationToken.None)).Document;

        Rsx.AssertValid(RsxDocumentType.Shipments, notice.Body);
        var packs = notice.Body.GetProperty("OrderLevel").EnumerateArray().SelectMany(o => o.GetProperty("PackLevel").EnumerateArray()).ToList();
        Assert.NotEmpty(packs);
        Assert.All(packs, p => Assert.True(Sscc18.IsValid(p.GetProperty("Pack").GetProperty("ShippingSerialID").GetString()!)));
        var line = packs[0].GetProperty("ItemLevel")[0].GetProperty("ShipmentLine");
        Assert.Equal(("9999-SPS", "12345678901234"), (line.GetProperty("BuyerPartNumber").GetString(), line.GetProperty("GTIN").GetString()));
        Assert.Equal("0001", notice.Body.GetProperty("Header").GetProperty("ShipmentHeader").GetProperty("ASNStructureCode").GetString());
    }

    /// <summary>SPS's full-field order, its store split made to add up, mapped and archived as the sps-x3 flow would.</summary>
    private static async Task<(InMemorySpsOrderArchive Archive, SalesOrder Order)> ArchivedFullFieldOrderAsync()
    {
        var sample = JsonNode.Parse(Encoding.UTF8.GetString(Rsx.Sample(RsxDocumentType.Orders)).TrimStart('\uFEFF'))!.AsObject();
        foreach (var item in sample["LineItem"]!.AsArray().OfType<JsonObject>())
        {
            var quantity = item["OrderLine"]!["OrderQty"]!.GetValue<decimal>();
            item["QuantitiesSchedulesLocations"]![0]!["LocationQuantity"] = new JsonArray(new JsonObject { ["Location"] = "9999", ["Qty"] = quantity });
        }

        var record = Assert.Single(RsxOrderFile.Read("out/PO/full.json", Encoding.UTF8.GetBytes(sample.ToJsonString()), "20261201T000000000-000001"));
        var mappings = new InMemoryMappingTables().Add(MappingTableNames.TradingPartner, "000ALLTESTID", "C0100").Add(MappingTableNames.ItemNumber, "9999-SPS", "TEE-BLU-M");
        var reference = new InMemoryReferenceData().Add(ReferenceKind.Customer, "C0100").Add(ReferenceKind.Product, "TEE-BLU-M");
        var mapped = Assert.IsType<MapResult.MappedResult>(await new RsxOrderMapper(mappings, reference, new SpsCommerceX3Options { TotalTolerance = 1_000_000m }).MapAsync(record, CancellationToken.None));
        var version = CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body);
        var archive = new InMemorySpsOrderArchive();
        await archive.SaveAsync(new ArchivedSpsOrder { OrderKey = version.OrderKey, Order = version.Order, AppliedAvailable = version.Available, AppliedFile = version.File, X3Order = "SO0001" }, null, CancellationToken.None);
        return (archive, version.Order);
    }
}
