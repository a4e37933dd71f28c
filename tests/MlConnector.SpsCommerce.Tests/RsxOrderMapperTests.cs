using System.Text.Json;
using MlConnector.Connectors.SpsCommerce.Streams;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.SpsCommerceX3;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests;

public sealed class RsxOrderMapperTests
{
    private const string Order = """
        {"Header":{"OrderHeader":{"TradingPartnerId":"WMTALLTESTID","PurchaseOrderNumber":"4500101","TsetPurposeCode":"00","PurchaseOrderDate":"2026-12-01","BuyersCurrency":"USD"},
          "Dates":[{"DateTimeQualifier":"002","Date":"2026-12-15"}]},
         "LineItem":[
          {"OrderLine":{"LineSequenceNumber":"1","BuyerPartNumber":"B-100200","OrderQty":12,"OrderQtyUOM":"EA","PurchasePrice":4.25},"ProductOrItemDescription":[{"ProductCharacteristicCode":"08","ProductDescription":"Crew tee blue M"}]},
          {"OrderLine":{"LineSequenceNumber":"2","BuyerPartNumber":"B-999","VendorPartNumber":"SOCK-3PK","OrderQty":"6","OrderQtyUOM":"CA","PurchasePrice":3.10}}]}
        """;

    [Fact]
    public async Task A_mapped_partner_and_known_items_become_an_x3_sales_order()
    {
        var mapper = Mapper(Mappings(), Reference());

        var result = await mapper.MapAsync(Record(Order), CancellationToken.None);

        var mapped = Assert.IsType<MapResult.MappedResult>(result);
        Assert.Equal("x3-sales-order", mapped.Document.Kind);
        Assert.Equal("WMTALLTESTID~4500101", mapped.Document.ExternalReference);
        var order = CanonicalJson.FromElement<SalesOrder>(mapped.Document.Body);
        Assert.Equal("C0100", order.Customer.Code);
        Assert.Equal("4500101", order.CustomerOrderNumber);
        Assert.Equal(new DateOnly(2026, 12, 15), order.RequestedDate);
        Assert.Equal(["TEE-BLU-M", "SOCK-3PK"], order.Lines.Select(l => l.ItemCode));
        Assert.Equal([1000, 2000], order.Lines.Select(l => l.LineNumber));
        Assert.Equal(["UN", "CA"], order.Lines.Select(l => l.Unit));
        Assert.Equal("Crew tee blue M", order.Lines[0].Description);
        Assert.Equal(12 * 4.25m + 6 * 3.10m, order.TotalExcludingTax);
    }

    [Fact]
    public async Task An_unknown_partner_and_an_unknown_item_are_both_reported_with_the_mapping_row_that_fixes_them()
    {
        var order = Order.Replace("WMTALLTESTID", "NEWPARTNER", StringComparison.Ordinal).Replace("\"VendorPartNumber\":\"SOCK-3PK\",", string.Empty, StringComparison.Ordinal);
        var mappings = Mappings();
        var mapper = Mapper(mappings, Reference());

        var rejected = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record(order), CancellationToken.None));

        Assert.Contains("Trading partner NEWPARTNER (PO 4500101 from trading partner NEWPARTNER) has no X3 customer: add the row trading-partner,NEWPARTNER,<X3 customer code>", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("Item BuyerPartNumber B-999 (line 2 of PO 4500101 from trading partner NEWPARTNER) is not an X3 product: add the row item-number,B-999,<X3 item>", rejected.Reason, StringComparison.Ordinal);

        // The fix the reason names makes the next attempt succeed.
        mappings.Add(MappingTableNames.TradingPartner, "NEWPARTNER", "C0100").Add(MappingTableNames.ItemNumber, "B-999", "SOCK-3PK");
        Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(order), CancellationToken.None));
    }

    [Fact]
    public async Task A_mapping_to_a_customer_x3_lacks_is_rejected_naming_the_customer()
    {
        var mapper = Mapper(Mappings().Add(MappingTableNames.TradingPartner, "WMTALLTESTID", "C0999"), Reference());

        var rejected = Assert.IsType<MapResult.RejectedResult>(await mapper.MapAsync(Record(Order), CancellationToken.None));

        Assert.Contains("Customer C0999 (trading partner WMTALLTESTID, PO 4500101 from trading partner WMTALLTESTID) does not exist in X3 folder SEED", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_closes_the_order()
    {
        var mapper = Mapper(Mappings(), Reference());

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(Order.Replace("\"TsetPurposeCode\":\"00\"", "\"TsetPurposeCode\":\"01\"", StringComparison.Ordinal)), CancellationToken.None));

        Assert.Equal(PurchaseOrderStatus.Cancelled, CanonicalJson.FromElement<SalesOrder>(mapped.Document.Body).Status);
        Assert.StartsWith("Close for PO 4500101", mapped.Document.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_is_rejected_with_its_reason()
    {
        var record = Assert.Single(RsxOrderFile.Read("out/PO/bad.json", "not json"u8.ToArray()));

        var rejected = Assert.IsType<MapResult.RejectedResult>(await Mapper(Mappings(), Reference()).MapAsync(record, CancellationToken.None));

        Assert.StartsWith("SPS file out/PO/bad.json is not valid JSON", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_without_date_or_quantity_says_so()
    {
        var order = Order.Replace("\"PurchaseOrderDate\":\"2026-12-01\",", string.Empty, StringComparison.Ordinal).Replace("\"OrderQty\":12", "\"OrderQty\":0", StringComparison.Ordinal);

        var rejected = Assert.IsType<MapResult.RejectedResult>(await Mapper(Mappings(), Reference()).MapAsync(Record(order), CancellationToken.None));

        Assert.Contains("PO 4500101 from trading partner WMTALLTESTID has no valid PurchaseOrderDate", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("line 1 of PO 4500101 from trading partner WMTALLTESTID has no positive OrderQty", rejected.Reason, StringComparison.Ordinal);
    }

    private static RsxOrderMapper Mapper(IMappingTables mappings, IReferenceData reference) => new(mappings, reference, new SpsCommerceX3Options());

    private static InMemoryMappingTables Mappings() => new InMemoryMappingTables()
        .Add(MappingTableNames.TradingPartner, "WMTALLTESTID", "C0100")
        .Add(MappingTableNames.ItemNumber, "B-100200", "TEE-BLU-M");

    private static InMemoryReferenceData Reference() => new InMemoryReferenceData()
        .Add(ReferenceKind.Customer, "C0100")
        .Add(ReferenceKind.Product, "TEE-BLU-M", "SOCK-3PK");

    private static SourceRecord Record(string json) => Assert.Single(RsxOrderFile.Read("out/PO/PO4500101.json", System.Text.Encoding.UTF8.GetBytes(json)));
}
