using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlConnector.Simulators.SpsCommerce.Contracts;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests.Contracts;

/// <summary>The simulator holds every upload to SPS's own contract, and accepts SPS's own files as SPS does.</summary>
public sealed class SimulatorContractTests
{
    [RsxContractFact]
    public async Task Sps_own_full_field_855_810_and_856_are_accepted_even_with_a_byte_order_mark_and_crlf_line_ends()
    {
        await using var harness = await SpsHarness.StartAsync();
        Assert.True(harness.Simulator.ChecksUploadsAgainstContract);

        foreach (var (type, name) in new[] { (RsxDocumentType.OrderAcks, "PR_sample.json"), (RsxDocumentType.Invoices, "IN_sample.json"), (RsxDocumentType.Shipments, "SH_sample.json") })
        {
            var text = Encoding.UTF8.GetString(Rsx.Sample(type)).TrimStart('\uFEFF').ReplaceLineEndings("\r\n");
            byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

            using var answer = await UploadAsync(harness, name, withBom);

            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{type}: {await answer.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(3, harness.Simulator.Files.Files("in/").Count);
    }

    [RsxContractFact]
    public async Task An_invoice_breaking_the_schema_is_refused_with_every_path_sps_would_name()
    {
        await using var harness = await SpsHarness.StartAsync();
        var invoice = JsonNode.Parse(Encoding.UTF8.GetString(Rsx.Sample(RsxDocumentType.Invoices)).TrimStart('\uFEFF'))!.AsObject();
        var header = invoice["Header"]!["InvoiceHeader"]!.AsObject();
        header["TradingPartnerId"] = "TWENTYCHARACTERSLONG";
        header["InvoiceDate"] = "22020-12-20";
        var line = invoice["LineItem"]![0]!["InvoiceLine"]!.AsObject();
        line["InvoiceQty"] = "five";
        line["ProductDescription"] = "Crew tee";

        using var answer = await UploadAsync(harness, "IN_broken.json", Encoding.UTF8.GetBytes(invoice.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("context").EnumerateArray().Select(error => error.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?>
            {
                "$.Header.InvoiceHeader.TradingPartnerId",
                "$.Header.InvoiceHeader.InvoiceDate",
                "$.LineItem[0].InvoiceLine.InvoiceQty",
                "$.LineItem[0].InvoiceLine.ProductDescription",
            },
            fields);
        Assert.Contains("$.LineItem[0].InvoiceLine must NOT have additional properties (ProductDescription)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.Files.Files("in/"));
    }

    [RsxContractFact]
    public void A_ship_notice_is_held_to_the_structure_of_sps_full_field_example()
    {
        var notice = JsonNode.Parse(Encoding.UTF8.GetString(Rsx.Sample(RsxDocumentType.Shipments)).TrimStart('\uFEFF'))!.AsObject();
        var item = notice["OrderLevel"]![0]!["PackLevel"]![0]!["ItemLevel"]![0]!["ShipmentLine"]!.AsObject();
        item["TrackingNumber"] = "1Z999";
        item["ShipQty"] = "ten";
        notice["Header"]!["ShipmentHeader"]!.AsObject().Remove("ShipmentIdentification");

        var violations = Rsx.Contract.Validate(RsxDocumentType.Shipments, notice);

        Assert.Contains(violations, v => v.Field == "$.OrderLevel[0].PackLevel[0].ItemLevel[0].ShipmentLine.TrackingNumber");
        Assert.Contains(violations, v => v.Field == "$.OrderLevel[0].PackLevel[0].ItemLevel[0].ShipmentLine.ShipQty");
        Assert.Contains(violations, v => v.Field == "$.Header.ShipmentHeader.ShipmentIdentification");
    }

    [Fact]
    public async Task Where_the_contract_files_are_absent_the_envelope_is_still_checked()
    {
        await using var harness = await SpsHarness.StartAsync(simulatorOptions: new Simulators.SpsCommerce.SpsCommerceSimulatorOptions { ContractsDirectory = Path.Combine(Path.GetTempPath(), "no-rsx-contracts-" + Guid.NewGuid().ToString("N")) });

        using var refused = await UploadAsync(harness, "IN_bad.json", """{"Header":{"InvoiceHeader":{"TradingPartnerId":"WMTALLTESTID"}},"Totals":{}}"""u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(harness.Simulator.ChecksUploadsAgainstContract);
        var fields = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("context").EnumerateArray().Select(e => e.GetProperty("field").GetString());
        Assert.Equal(["$.Header.InvoiceHeader.InvoiceNumber", "$.Totals"], fields.Order(StringComparer.Ordinal));
    }

    private static async Task<HttpResponseMessage> UploadAsync(SpsHarness harness, string name, byte[] content)
    {
        using var http = new HttpClient();
        var sps = harness.Simulator;
        var tokenBody = $"{{\"grant_type\":\"client_credentials\",\"client_id\":\"{sps.Options.ClientId}\",\"client_secret\":\"{sps.Options.ClientSecret}\",\"audience\":\"https://spscommerce.com\"}}";
        using var tokenResponse = await http.PostAsync(sps.TokenAddress, new StringContent(tokenBody, Encoding.UTF8, "application/json"));
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri(sps.BaseAddress, "transactions/v5/data/in/" + name)) { Content = new ByteArrayContent(content) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return await http.SendAsync(upload);
    }
}
