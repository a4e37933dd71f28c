using System.Text.Json.Nodes;
using MlConnector.Connectors.Stedi;
using MlConnector.Core;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;
using MlConnector.Flows.StediX3;
using MlConnector.Stedi.Tests.Support;

namespace MlConnector.Stedi.Tests;

/// <summary>The real sink and client against the Stedi simulator over loopback HTTP.</summary>
public sealed class GenerateEdiContractTests
{
    [Fact]
    public async Task An_order_goes_out_as_one_x12_850_with_the_bare_api_key_and_a_stable_idempotency_key()
    {
        await using var harness = await StediHarness.StartAsync();
        var document = await MapAsync(harness, Orders.Order());

        var result = await harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None);

        var post = Assert.Single(harness.Posts());
        Assert.Equal($"/2023-08-01/x12/partnerships/{StediHarness.Partnership}/generate-edi", post.Path);
        Assert.Equal(harness.Simulator.Options.ApiKeys[0], post.Headers["authorization"]);
        Assert.Equal(200, post.Status);
        var interchange = Assert.Single(harness.Simulator.Store.Interchanges);
        Assert.Equal("x3-stedi:PO0001:v1", interchange.IdempotencyKey);
        Assert.Equal(interchange.FileExecutionId, result.TargetId);
        Assert.Equal(WriteAction.Created, result.Action);
        var segments = interchange.Edi.Split('~', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(105, segments[0].Length); // ISA is 106 characters with its terminator
        Assert.Equal("GS*PO*MLCBUYER*ACMEPARTS", string.Join('*', segments[1].Split('*')[..4]));
        Assert.Contains("BEG*00*SA*PO0001**20250301", segments);
        Assert.Contains("PO1*1000*12*EA*1.25*PE*BP*ITM-100", segments);
        Assert.Contains("PO1*2000*5*EA*0.4*PE*BP*ITM-200", segments);
        Assert.Contains("N1*VN*Acme Parts*92*SUP-EDI", segments);
        Assert.Contains("CTT*2*17", segments);
        var st = Array.FindIndex(segments, s => s.StartsWith("ST*850*", StringComparison.Ordinal));
        var se = Array.FindIndex(segments, s => s.StartsWith("SE*", StringComparison.Ordinal));
        Assert.Equal($"SE*{se - st + 1}*0001", segments[se]);
        Assert.Equal("IEA*1*000000001", segments[^1]);
    }

    [Fact]
    public async Task The_same_version_sent_twice_is_one_interchange_and_a_changed_order_goes_out_as_a_change()
    {
        await using var harness = await StediHarness.StartAsync();
        var document = await MapAsync(harness, Orders.Order());

        var first = await harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None);
        var again = await harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None);
        var changed = await harness.Sink.WriteAsync(Orders.Write(document, version: "v2", existing: first.TargetId), CancellationToken.None);

        Assert.Equal(first.TargetId, again.TargetId);
        Assert.Equal(3, harness.Posts().Count);
        Assert.Equal(2, harness.Simulator.Store.Interchanges.Count);
        Assert.Contains("BEG*04*SA*PO0001", harness.Simulator.Store.Interchanges[1].Edi, StringComparison.Ordinal);
        Assert.Equal("x3-stedi:PO0001:v2", harness.Simulator.Store.Interchanges[1].IdempotencyKey);
        Assert.Equal(WriteAction.Updated, changed.Action);
        Assert.Equal("IEA*1*000000002~", harness.Simulator.Store.Interchanges[1].Edi[^16..]);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_the_same_key_and_end_as_a_transient_failure()
    {
        await using var harness = await StediHarness.StartAsync();
        var document = await MapAsync(harness, Orders.Order());
        harness.Simulator.Faults.FailNext(500, times: 10, pathContains: "generate-edi", body: "{\"message\":\"Internal server error\"}");

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal(500, failure.StatusCode);
        Assert.Contains("Internal server error", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Posts().Count);
        Assert.All(harness.Posts(), post => Assert.Equal("x3-stedi:PO0001:v1", post.Headers["idempotency-key"]));
        Assert.Empty(harness.Simulator.Store.Interchanges);
    }

    [Fact]
    public async Task A_refused_api_key_is_a_permanent_failure_that_names_the_secret_and_never_the_key()
    {
        await using var harness = await StediHarness.StartAsync(apiKey: "revoked-key-0000");
        var document = await MapAsync(harness, Orders.Order());

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(403, failure.StatusCode);
        Assert.Contains(StediSecretNames.ApiKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-key-0000", failure.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.Store.Interchanges);
    }

    [Fact]
    public async Task An_unknown_partnership_is_permanent_and_points_at_the_mapping_table()
    {
        await using var harness = await StediHarness.StartAsync();
        harness.Mappings.Add(StediNames.PartnershipTable, "SUP-GONE", "me_nobody").Add(StediNames.TransactionSettingTable, "me_nobody:850", "01HGH4N7D8VGCXGVD97JTNKK1N");
        var document = await MapAsync(harness, Orders.Order(supplier: "SUP-GONE"));

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(404, failure.StatusCode);
        Assert.Contains("Partnership 'me_nobody' not found", failure.Message, StringComparison.Ordinal);
        Assert.Contains("trading-partner", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_the_guide_refuses_is_permanent_with_stedis_validation_errors()
    {
        await using var harness = await StediHarness.StartAsync();
        var invalid = new JsonObject
        {
            ["heading"] = new JsonObject
            {
                ["beginning_segment_for_invoice_BIG"] = new JsonObject { ["date_01"] = "2025-03-01", ["invoice_number_02"] = "INV1" },
                ["party_identification_N1_loop"] = new JsonArray(new JsonObject { ["party_identification_N1"] = new JsonObject { ["entity_identifier_code_01"] = "BT" } }),
            },
            ["summary"] = new JsonObject { ["total_monetary_value_summary_TDS"] = new JsonObject { ["amount_01"] = 19.385m } },
        };
        var body = new StediOutboundDocument(StediHarness.Partnership, harness.Simulator.SettingId(StediHarness.Partnership, "810", "outbound"), "810", System.Text.Json.JsonSerializer.SerializeToElement(invalid));
        var document = new TargetDocument(StediOutboundDocument.Kind, "INV1", "810 INV1", CanonicalJson.ToElement(body));

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(document, key: "INV1"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("X12 004010 names the N1 loop 'name_N1_loop'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("19.385 has more decimals than this N2 element carries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_by_stedi_and_not_sent_again()
    {
        await using var harness = await StediHarness.StartAsync();
        var original = await MapAsync(harness, Orders.Order());
        var edited = await MapAsync(harness, Orders.Order() with { Currency = "EUR" });
        await harness.Sink.WriteAsync(Orders.Write(original), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<TargetWriteException>(() => harness.Sink.WriteAsync(Orders.Write(edited), CancellationToken.None));

        Assert.Equal(422, failure.StatusCode);
        Assert.False(failure.IsTransient);
        Assert.Single(harness.Simulator.Store.Interchanges);
    }

    [Fact]
    public async Task Ping_names_the_api_key_or_the_address_when_either_is_wrong()
    {
        await using var good = await StediHarness.StartAsync();
        await using var badKey = await StediHarness.StartAsync(apiKey: "wrong");
        await using var badUrl = await StediHarness.StartAsync(baseUrl: "http://127.0.0.1:1/2023-08-01");

        var ok = await good.ConnectionCheck.CheckAsync(CancellationToken.None);
        var key = await badKey.ConnectionCheck.CheckAsync(CancellationToken.None);
        var url = await badUrl.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.True(ok.Succeeded, ok.Detail);
        Assert.Contains("can list transactions", ok.Detail, StringComparison.Ordinal);
        Assert.Contains(good.Simulator.Journal.Entries, entry => entry.Path == "/2023-08-01/transactions" && entry.Status == 200);
        Assert.Equal(ConnectionPart.Credential, key.FailingPart);
        Assert.DoesNotContain("wrong", key.Detail.Replace("wrong part", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(ConnectionPart.Url, url.FailingPart);
    }

    internal static async Task<TargetDocument> MapAsync(StediHarness harness, MlConnector.Core.Documents.PurchaseOrder order)
    {
        var result = await new PurchaseOrderTo850Mapper(harness.Partners, harness.Guides).MapAsync(Orders.Record(order), CancellationToken.None);
        return Assert.IsType<MapResult.MappedResult>(result).Document;
    }
}
