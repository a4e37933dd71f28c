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
        Assert.Equal(SpsOrderVersion.Kind, mapped.Document.Kind);
        Assert.Equal("WMTALLTESTID~4500101", mapped.Document.ExternalReference);
        var version = CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body);
        var order = version.Order;
        Assert.Equal("out/PO/PO4500101.json", version.File);
        Assert.Equal("00", version.PurposeCode);
        Assert.Equal("C0100", order.Customer.Code);
        Assert.Equal("4500101", order.CustomerOrderNumber);
        Assert.Equal(new DateOnly(2026, 12, 15), order.RequestedDeliveryDate);
        Assert.Null(order.RequestedShipDate);
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
        Assert.Contains("Item BuyerPartNumber B-999 (line 2 of PO 4500101 from trading partner NEWPARTNER) is not an X3 product: add the row item-number,NEWPARTNER:B-999,<X3 item>", rejected.Reason, StringComparison.Ordinal);

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

        Assert.Equal(PurchaseOrderStatus.Cancelled, CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body).Order.Status);
        Assert.StartsWith("Cancellation for PO 4500101", mapped.Document.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_is_rejected_with_its_reason()
    {
        var record = Assert.Single(RsxOrderFile.Read("out/PO/bad.json", "not json"u8.ToArray(), "20261201T000000000-000001"));

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

    [Fact]
    public async Task A_store_split_becomes_one_x3_line_per_store_and_addresses_dates_terms_and_allowances_are_kept()
    {
        var order = """
            {"Header":{"OrderHeader":{"TradingPartnerId":"WMTALLTESTID","PurchaseOrderNumber":"4500102","TsetPurposeCode":"00","PurchaseOrderDate":"2026-12-01","Department":"SPS","Vendor":"VEND6174"},
              "PaymentTerms":[{"TermsType":"01","TermsDiscountPercentage":2.0,"TermsDiscountDueDays":10,"TermsNetDueDays":31,"TermsDescription":"2% 10 Net 31"}],
              "Dates":[{"DateTimeQualifier":"010","Date":"2026-12-15"},{"DateTimeQualifier":"002","Date":"2026-12-20"}],
              "Address":[{"AddressTypeCode":"BT","AddressName":"Corporate Headquarters","Address1":"1450 Energy Park Drive","City":"St. Paul","State":"MN","PostalCode":"55108"},
                         {"AddressTypeCode":"ST","LocationCodeQualifier":"92","AddressLocationNumber":"123","AddressName":"DC 123","Address1":"333 S 7th Street","City":"Minneapolis","State":"MN","PostalCode":"55402","Country":"USA"}],
              "CarrierInformation":[{"CarrierTransMethodCode":"M","CarrierAlphaCode":"JBHT","CarrierRouting":"J. B. Hunt"}],
              "Notes":[{"NoteCode":"GEN","Note":"Call before delivery"}],
              "ChargesAllowances":[{"AllowChrgIndicator":"A","AllowChrgCode":"C310","AllowChrgAmt":13.5}]},
             "LineItem":[{"OrderLine":{"LineSequenceNumber":"1","BuyerPartNumber":"B-100200","GTIN":"00859563003863","OrderQty":30,"OrderQtyUOM":"CA","PurchasePrice":20},
                          "QuantitiesSchedulesLocations":[{"QuantityQualifier":"01","TotalQty":30,"TotalQtyUOM":"CA","LocationQuantity":[{"Location":"0010","Qty":10},{"Location":"0020","Qty":20}]}]}],
             "Summary":{"TotalAmount":586.5,"TotalLineItemNumber":1}}
            """;
        var mapper = Mapper(Mappings().Add(MappingTableNames.UnitOfMeasure, "CA", "CS").Add(MappingTableNames.PaymentTerms, "2% 10 Net 31", "2N31").Add(MappingTableNames.ChargeAllowance, "C310", "3"), Reference());

        var mapped = Assert.IsType<MapResult.MappedResult>(await mapper.MapAsync(Record(order), CancellationToken.None));

        var sales = CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body).Order;
        Assert.Equal([(1001, 10m, "0010"), (1002, 20m, "0020")], sales.Lines.Select(l => (l.LineNumber, l.Quantity, l.DestinationLocation!)));
        Assert.All(sales.Lines, l => Assert.Equal(("CS", "CA", "1", "00859563003863"), (l.Unit, l.BuyerUnit!, l.BuyerLineNumber!, l.Gtin!)));
        Assert.Equal(("123", "US"), (sales.ShipToCode!, sales.ShipTo!.Country!));
        Assert.Equal("Corporate Headquarters", sales.BillTo!.Name);
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 20)), (sales.RequestedShipDate!.Value, sales.RequestedDeliveryDate!.Value));
        Assert.Equal("2N31", sales.PaymentTermsCode);
        Assert.Equal(("JBHT", "3", -13.5m), (sales.Carriers[0].CarrierCode!, sales.ChargesAllowances[0].ErpCode!, sales.ChargesAllowances[0].SignedAmount));
        Assert.Equal(("SPS", "VEND6174", "Call before delivery"), (sales.Department!, sales.VendorNumber!, sales.Notes[0].Text));
        Assert.Equal(586.5m, sales.NetTotal);
    }

    [Fact]
    public async Task A_stated_total_that_matches_neither_the_lines_nor_the_lines_after_allowances_is_rejected_with_both_numbers()
    {
        var order = Order.Replace("\"LineItem\":[", "\"Summary\":{\"TotalAmount\":19.0},\"LineItem\":[", StringComparison.Ordinal);

        var rejected = Assert.IsType<MapResult.RejectedResult>(await Mapper(Mappings(), Reference()).MapAsync(Record(order), CancellationToken.None));

        Assert.Contains("states Summary.TotalAmount 19.00 but its lines come to 69.60 (69.60 after its allowances and charges), more than 0.01 apart", rejected.Reason, StringComparison.Ordinal);
        var tolerant = new RsxOrderMapper(Mappings(), Reference(), new SpsCommerceX3Options { TotalTolerance = 100m });
        Assert.IsType<MapResult.MappedResult>(await tolerant.MapAsync(Record(order), CancellationToken.None));
    }

    [Fact]
    public async Task A_partners_own_item_row_wins_over_the_shared_one()
    {
        var mappings = Mappings().Add(MappingTableNames.ItemNumber, "WMTALLTESTID:B-100200", "SOCK-3PK");

        var mapped = Assert.IsType<MapResult.MappedResult>(await Mapper(mappings, Reference()).MapAsync(Record(Order), CancellationToken.None));

        Assert.Equal("SOCK-3PK", CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body).Order.Lines[0].ItemCode);
    }

    [Fact]
    public async Task An_rsx_xml_order_reads_like_its_json_twin()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Orders xmlns="http://www.spscommerce.com/RSX"><Order>
              <Header><OrderHeader><TradingPartnerId>WMTALLTESTID</TradingPartnerId><PurchaseOrderNumber>4500101</PurchaseOrderNumber><TsetPurposeCode>00</TsetPurposeCode><PurchaseOrderDate>2026-12-01</PurchaseOrderDate><BuyersCurrency>USD</BuyersCurrency></OrderHeader>
                <Dates><DateTimeQualifier>002</DateTimeQualifier><Date>2026-12-15</Date></Dates></Header>
              <LineItem><OrderLine><LineSequenceNumber>1</LineSequenceNumber><BuyerPartNumber>B-100200</BuyerPartNumber><OrderQty>12</OrderQty><OrderQtyUOM>EA</OrderQtyUOM><PurchasePrice>4.25</PurchasePrice></OrderLine>
                <ProductOrItemDescription><ProductCharacteristicCode>08</ProductCharacteristicCode><ProductDescription>Crew tee blue M</ProductDescription></ProductOrItemDescription></LineItem>
              <LineItem><OrderLine><LineSequenceNumber>2</LineSequenceNumber><BuyerPartNumber>B-999</BuyerPartNumber><VendorPartNumber>SOCK-3PK</VendorPartNumber><OrderQty>6</OrderQty><OrderQtyUOM>CA</OrderQtyUOM><PurchasePrice>3.10</PurchasePrice></OrderLine></LineItem>
            </Order></Orders>
            """;
        var record = Assert.Single(RsxOrderFile.Read("out/PO/PO4500101.xml", System.Text.Encoding.UTF8.GetBytes(xml), "20261201T000000000-000001"));

        var mapped = Assert.IsType<MapResult.MappedResult>(await Mapper(Mappings(), Reference()).MapAsync(record, CancellationToken.None));

        var fromJson = CanonicalJson.FromElement<SpsOrderVersion>(Assert.IsType<MapResult.MappedResult>(await Mapper(Mappings(), Reference()).MapAsync(Record(Order), CancellationToken.None)).Document.Body).Order;
        var fromXml = CanonicalJson.FromElement<SpsOrderVersion>(mapped.Document.Body).Order;
        Assert.Equal(CanonicalJson.ToElement(fromJson.Lines).GetRawText(), CanonicalJson.ToElement(fromXml.Lines).GetRawText());
        Assert.Equal(fromJson.RequestedDeliveryDate, fromXml.RequestedDeliveryDate);
        Assert.Equal("WMTALLTESTID~4500101~PO4500101.xml", record.Key);
    }

    private static RsxOrderMapper Mapper(IMappingTables mappings, IReferenceData reference) => new(mappings, reference, new SpsCommerceX3Options());

    private static InMemoryMappingTables Mappings() => new InMemoryMappingTables()
        .Add(MappingTableNames.TradingPartner, "WMTALLTESTID", "C0100")
        .Add(MappingTableNames.ItemNumber, "B-100200", "TEE-BLU-M");

    private static InMemoryReferenceData Reference() => new InMemoryReferenceData()
        .Add(ReferenceKind.Customer, "C0100")
        .Add(ReferenceKind.Product, "TEE-BLU-M", "SOCK-3PK");

    private static SourceRecord Record(string json) => Assert.Single(RsxOrderFile.Read("out/PO/PO4500101.json", System.Text.Encoding.UTF8.GetBytes(json), "20261201T000000000-000001"));
}
