using System.Text.Json.Nodes;
using MlConnector.Connectors.Stedi;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Flows.StediX3;
using MlConnector.Stedi.Tests.Support;
using MlConnector.Stedi.Tests.X12Check;

namespace MlConnector.Stedi.Tests;

/// <summary>
/// 850s and 810s named by the partnership's guide (plain 004010, plain 005010, or an imported guide JSON Schema with
/// qualifier-split loops), sent through the real sink to the simulator, and the X12 it writes read back by node-x12.
/// </summary>
public sealed class GuideDrivenOutboundTests
{
    [Theory]
    [InlineData("004010", "name_N1_loop", "name_N1", "quantity_ordered_02", "00401", "U")]
    [InlineData("005010", "party_identification_N1_loop", "party_identification_N1", "quantity_02", "00501", "^")]
    public async Task An_850_uses_the_names_and_envelope_of_the_plain_release_the_partnership_is_on(string release, string n1Loop, string n1, string quantity, string isa12, string isa11)
    {
        await using var harness = await StediHarness.StartAsync(release: release, settings: new Dictionary<string, string?> { ["Stedi:X12Release"] = release });

        var (json, edi) = await SendOrderAsync(harness);

        var parties = json["heading"]![n1Loop]!.AsArray();
        Assert.Equal(["ST", "VN"], parties.Select(p => p![n1]!["entity_identifier_code_01"]!.ToString()));
        Assert.Equal(12m, json["detail"]!["baseline_item_data_PO1_loop"]![0]!["baseline_item_data_PO1"]![quantity]!.GetValue<decimal>());
        var interchange = await NodeX12.ParseStrictAsync(edi);
        Assert.Equal((isa11, isa12), (interchange["isa"]![10]!.ToString(), interchange["isa"]![11]!.ToString()));
        Assert.Equal(release, interchange["groups"]![0]!["gs"]![7]!.ToString());
        var segments = await NodeX12.SegmentsAsync(edi);
        Assert.Contains("N1*ST*US011*92*US011", segments);
        Assert.Contains("N1*VN*Acme Parts*92*SUP-EDI", segments);
        Assert.Contains("PO1*1000*12*EA*1.25*PE*BP*ITM-100", segments);
        Assert.Contains("CTT*2*17", segments);
    }

    [Fact]
    public async Task An_850_for_a_guide_with_qualifier_split_loops_goes_to_the_loop_of_each_party_and_drops_what_the_guide_lacks()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        await ImportGuideAsync(harness, "850", "acme-850-5010.schema.json");

        var (json, edi) = await SendOrderAsync(harness);

        var heading = json["heading"]!.AsObject();
        Assert.Equal("ST", heading["party_identification_N1_loop_ship_to"]![0]!["party_identification_N1"]!["entity_identifier_code_01"]!.ToString());
        Assert.Equal("VN", heading["party_identification_N1_loop_vendor"]![0]!["party_identification_N1"]!["entity_identifier_code_01"]!.ToString());
        Assert.False(heading.ContainsKey("currency_CUR")); // the guide has no CUR: optional data is left out, not refused
        Assert.Equal(2, json["summary"]!["transaction_totals_CTT_loop"]![0]!["transaction_totals_CTT"]!["number_of_line_items_01"]!.GetValue<int>());
        var segments = await NodeX12.SegmentsAsync(edi);
        Assert.Equal(["BEG", "DTM", "N1", "N1", "PO1", "PID", "PO1", "PID", "CTT"], segments.Select(s => s.Split('*')[0]));
        Assert.Contains("N1*ST*US011*92*US011", segments);
    }

    [Fact]
    public async Task An_810_for_a_guide_with_qualifier_split_ref_and_n1_loops_carries_the_x3_sales_order_and_the_bill_to()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        await ImportGuideAsync(harness, "810", "acme-810-5010.schema.json");

        var (json, edi) = await SendInvoiceAsync(harness, Invoices.Invoice(salesOrder: "SO-4411"));

        var heading = json["heading"]!.AsObject();
        Assert.Equal("SO-4411", heading["reference_information_REF_vendor_order"]![0]!["reference_identification_02"]!.ToString());
        Assert.False(heading.ContainsKey("reference_information_REF_internal_vendor"));
        Assert.Equal("BT", heading["party_identification_N1_loop_bill_to"]![0]!["party_identification_N1"]!["entity_identifier_code_01"]!.ToString());
        var segments = await NodeX12.SegmentsAsync(edi);
        Assert.Contains("REF*VN*SO-4411", segments);
        Assert.Contains("N1*BT*Acme Retail*92*SUP-EDI", segments);
        Assert.Contains("IT1*1000*3*EA*19.99*PE*VP*ITM-100", segments);
        Assert.Contains("TDS*6477", segments);
    }

    [Fact]
    public async Task An_810_for_69_09_carries_69_09_in_its_json_and_TDS_6909_in_the_interchange()
    {
        await using var harness = await StediHarness.StartAsync();

        var (json, edi) = await SendInvoiceAsync(harness, Invoices.Invoice(quantity: 1, unitPrice: 60.00m, tax: 9.09m));

        Assert.Equal("69.09", json["summary"]!["total_monetary_value_summary_TDS"]!["amount_01"]!.ToJsonString());
        Assert.Contains("TDS*6909", await NodeX12.SegmentsAsync(edi));
    }

    [Theory]
    [InlineData(0, "69", "TDS*69")]
    [InlineData(2, "69.09", "TDS*6909")]
    [InlineData(3, "69.09", "TDS*69090")]
    public async Task Stedi_writes_an_amount_with_the_implied_decimals_its_guide_gives_the_element(int impliedDecimals, string total, string expected)
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var guide = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Guides", "acme-810-5010.schema.json")))!.AsObject();
        guide["definitions"]!["amount_n2"] = impliedDecimals == 0
            ? new JsonObject { ["type"] = "integer" }
            : new JsonObject { ["type"] = "number", ["multipleOf"] = decimal.Parse($"1e-{impliedDecimals}", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) };
        await ImportGuideAsync(harness, "810", guide);
        var amount = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);

        var (json, edi) = await SendInvoiceAsync(harness, Invoices.Invoice(quantity: 1, unitPrice: amount, tax: 0));

        Assert.Equal(total, json["summary"]!["total_monetary_value_summary_TDS"]!["amount_01"]!.ToJsonString());
        Assert.Contains(expected, await NodeX12.SegmentsAsync(edi));
    }

    [Fact]
    public async Task An_amount_with_more_decimals_than_the_guide_allows_is_rejected_before_stedi_naming_the_element()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var guide = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Guides", "acme-810-5010.schema.json")))!.AsObject();
        guide["definitions"]!["amount_n2"] = new JsonObject { ["type"] = "integer" };
        await ImportGuideAsync(harness, "810", guide);

        var result = await new InvoiceTo810Mapper(harness.Partners, harness.Guides).MapAsync(Invoices.Record(Invoices.Invoice(quantity: 1, unitPrice: 69.09m, tax: 0)), CancellationToken.None);

        Assert.Contains("TDS01 (invoice total) is 69.09, which has more decimals than the guide's 0 allow", Assert.IsType<MapResult.RejectedResult>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Posts());
    }

    [Fact]
    public async Task A_code_the_guide_does_not_list_rejects_the_order_naming_the_field_and_the_codes()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var guide = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Guides", "acme-850-5010.schema.json")))!.AsObject();
        guide["properties"]!["detail"]!["properties"]!["baseline_item_data_PO1_loop"]!["items"]!["properties"]!["baseline_item_data_PO1"]!["properties"]!["product_service_id_qualifier_06"] =
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("VC", "SK") };
        await ImportGuideAsync(harness, "850", guide);

        var result = await new PurchaseOrderTo850Mapper(harness.Partners, harness.Guides).MapAsync(Orders.Record(Orders.Order()), CancellationToken.None);

        var reason = Assert.IsType<MapResult.RejectedResult>(result).Reason;
        Assert.Contains("PO106 (line 1000, item qualifier) is 'BP', which is not one of the codes the guide imported for me_acme-parts 850 allows (VC, SK)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_sent_with_names_of_another_release_is_refused_by_stedi()
    {
        // The partnership is on 005010 but the connector still names 004010: Stedi's guide refuses the keys.
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var document = await GenerateEdiContractTests.MapAsync(harness, Orders.Order());

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None));

        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("X12 005010 names the N1 loop 'party_identification_N1_loop'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delimiter_inside_a_value_rejects_the_record_naming_the_field_unless_stedi_is_asked_to_repair_it()
    {
        await using var refusing = await StediHarness.StartAsync();
        await using var repairing = await StediHarness.StartAsync(settings: new Dictionary<string, string?> { ["Stedi:RepairDelimiterConflicts"] = "true" });
        var order = Orders.Order() with { Lines = [Orders.Order().Lines[0] with { ItemCode = "ITM*100", Description = "Bolt M6~zinc" }] };

        var refused = await new PurchaseOrderTo850Mapper(refusing.Partners, refusing.Guides).MapAsync(Orders.Record(order), CancellationToken.None);
        var (json, edi) = await SendOrderAsync(repairing, order);

        var reason = Assert.IsType<MapResult.RejectedResult>(refused).Reason;
        Assert.Contains("PO107 (line 1000, X3 item) 'ITM*100' contains '*', the interchange's element separator", reason, StringComparison.Ordinal);
        Assert.Contains("PID05 (line 1000, description) 'Bolt M6~zinc' contains '~', the interchange's segment terminator", reason, StringComparison.Ordinal);
        Assert.Equal("ITM*100", json["detail"]!["baseline_item_data_PO1_loop"]![0]!["baseline_item_data_PO1"]!["product_service_id_07"]!.ToString());
        Assert.True(repairing.Simulator.Store.Interchanges[0].Request["repairOptions"]!["replaceStediCanonicalDelimitersConflicts"]!.GetValue<bool>());
        var segments = await NodeX12.SegmentsAsync(edi);
        Assert.Contains("PO1*1000*12*EA*1.25*PE*BP*ITM|100", segments);
        Assert.Contains("PID*F****Bolt M6|zinc", segments);
    }

    [Fact]
    public async Task An_order_without_a_mapped_transaction_setting_or_with_one_stedi_could_not_have_generated_is_rejected()
    {
        await using var harness = await StediHarness.StartAsync();
        harness.Mappings.Add(StediNames.PartnershipTable, "SUP-NEW", "me_new").Add(StediNames.PartnershipTable, "SUP-BAD", "me_bad")
            .Add(StediNames.TransactionSettingTable, "me_bad:850", "me_bad-850-out/v1");
        var mapper = new PurchaseOrderTo850Mapper(harness.Partners, harness.Guides);

        var missing = await mapper.MapAsync(Orders.Record(Orders.Order(supplier: "SUP-NEW")), CancellationToken.None);
        var invalid = await mapper.MapAsync(Orders.Record(Orders.Order(supplier: "SUP-BAD")), CancellationToken.None);

        Assert.Contains("add the row 'stedi-transaction-setting,me_new:850,<the Transaction Setting ID Stedi shows on the partnership>'", Assert.IsType<MapResult.RejectedResult>(missing).Reason, StringComparison.Ordinal);
        Assert.Contains("'me_bad-850-out/v1' has characters Stedi does not allow", Assert.IsType<MapResult.RejectedResult>(invalid).Reason, StringComparison.Ordinal);
    }

    internal static async Task ImportGuideAsync(StediHarness harness, string set, string file) =>
        await ImportGuideAsync(harness, set, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Guides", file)))!.AsObject());

    /// <summary>What `mlc stedi guide import` stores, and the same guide on Stedi's side of the partnership.</summary>
    internal static async Task ImportGuideAsync(StediHarness harness, string set, JsonObject guide)
    {
        await harness.GuideFiles.SaveAsync(StediHarness.Partnership, set, guide.ToJsonString(), CancellationToken.None);
        harness.Simulator.UseGuide(StediHarness.Partnership, set, "outbound", guide, "005010");
    }

    private static async Task<(JsonObject Json, string Edi)> SendOrderAsync(StediHarness harness, MlConnector.Core.Documents.PurchaseOrder? order = null)
    {
        var document = await GenerateEdiContractTests.MapAsync(harness, order ?? Orders.Order());
        await harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None);
        return Sent(harness);
    }

    private static async Task<(JsonObject Json, string Edi)> SendInvoiceAsync(StediHarness harness, MlConnector.Connectors.SageX3.X3SalesInvoice invoice)
    {
        var mapped = await new InvoiceTo810Mapper(harness.Partners, harness.Guides).MapAsync(Invoices.Record(invoice), CancellationToken.None);
        await harness.Sink.WriteAsync(Invoices.Write(Assert.IsType<MapResult.MappedResult>(mapped).Document), CancellationToken.None);
        return Sent(harness);
    }

    private static (JsonObject Json, string Edi) Sent(StediHarness harness)
    {
        var interchange = Assert.Single(harness.Simulator.Store.Interchanges);
        return (interchange.Request["transactionGroups"]![0]!["transactions"]![0]!.AsObject(), interchange.Edi);
    }
}
