using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using MlConnector.Core.Flows;
using MlConnector.Simulators.Stedi;
using MlConnector.Stedi.Tests.Support;

namespace MlConnector.Stedi.Tests.Contracts;

/// <summary>
/// The Stedi client's requests and the Stedi simulator's answers held to Stedi's own OpenAPI documents
/// (Contracts/SOURCE.md): every path the client calls exists there, every body it sends fits the request schema, every
/// body the simulator answers fits the response schema of its status, and every field the client reads is declared.
/// </summary>
public sealed class OpenApiContractTests
{
    [Fact]
    public async Task Every_request_the_client_sends_is_an_operation_of_stedis_openapi_with_a_body_its_schema_accepts()
    {
        await using var harness = await StediHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Stedi:InterchangeUsageIndicator"] = "T",
            ["Stedi:RepairDelimiterConflicts"] = "true",
        });
        var document = await GenerateEdiContractTests.MapAsync(harness, Orders.Order());
        await harness.Sink.WriteAsync(Orders.Write(document), CancellationToken.None);
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.Acknowledgment("PO0001"));
        await harness.Client.GetTransactionOutputAsync(id, CancellationToken.None);
        await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        var calls = harness.Simulator.Journal.Entries.Where(e => e.Path.StartsWith("/2023-08-01/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["POST /x12/partnerships/{partnershipId}/generate-edi", "GET /transactions/{transactionId}/output", "GET /transactions"],
            calls.Select(call => $"{call.Method} {Documented(call.Method, call.Path["/2023-08-01".Length..])}"));
        var generate = StediOpenApi.Operation(StediOpenApi.X12, "/x12/partnerships/{partnershipId}/generate-edi", HttpMethod.Post);
        Assert.Empty(StediOpenApi.Check(StediOpenApi.Parameter(generate, "partnershipId", ParameterLocation.Path).Schema!, JsonValue.Create(StediHarness.Partnership)));
        Assert.InRange(calls[0].Headers["idempotency-key"].Length, 1, 255); // "The key can be up to 255 characters."
        var body = harness.Simulator.Store.Interchanges[0].Request;
        Assert.Empty(StediOpenApi.Check(StediOpenApi.RequestSchema(generate), body));
        Assert.Empty(StediOpenApi.Check(StediOpenApi.RequestSchema(StediOpenApi.Operation(StediOpenApi.Core, "/x12/partnerships/{partnershipId}/generate-edi", HttpMethod.Post)), body));
        var list = StediOpenApi.Operation(StediOpenApi.Core, "/transactions", HttpMethod.Get);
        Assert.Equal("?pageSize=1", calls[2].Query);
        Assert.Empty(StediOpenApi.Check(StediOpenApi.Parameter(list, "pageSize", ParameterLocation.Query).Schema!, JsonValue.Create(1)));
    }

    [Fact]
    public async Task Every_answer_of_the_simulator_fits_the_response_schema_stedi_documents_for_its_status()
    {
        await using var harness = await StediHarness.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(harness.Simulator.ApiBaseAddress + "/") };
        var key = harness.Simulator.Options.ApiKeys[0];
        var settingId = harness.Simulator.SettingId(StediHarness.Partnership, "850", "outbound");
        var valid = GenerateBody(settingId, new JsonObject
        {
            ["heading"] = new JsonObject { ["beginning_segment_for_purchase_order_BEG"] = new JsonObject { ["transaction_set_purpose_code_01"] = "00", ["purchase_order_type_code_02"] = "SA", ["purchase_order_number_03"] = "PO1", ["date_05"] = "2025-03-01" } },
            ["detail"] = new JsonObject { ["baseline_item_data_PO1_loop"] = new JsonArray(new JsonObject { ["baseline_item_data_PO1"] = new JsonObject { ["quantity_ordered_02"] = 1, ["unit_or_basis_for_measurement_code_03"] = "EA" } }) },
        });
        var generate = StediOpenApi.Operation(StediOpenApi.X12, "/x12/partnerships/{partnershipId}/generate-edi", HttpMethod.Post);
        var answers = new List<(OpenApiOperation Operation, HttpResponseMessage Response)>
        {
            (generate, await SendAsync(http, HttpMethod.Post, $"x12/partnerships/{StediHarness.Partnership}/generate-edi", key, valid, "key-1")),
            (generate, await SendAsync(http, HttpMethod.Post, $"x12/partnerships/{StediHarness.Partnership}/generate-edi", key, GenerateBody(settingId, new JsonObject { ["heading"] = new JsonObject { ["bogus"] = 1 } }))),
            (generate, await SendAsync(http, HttpMethod.Post, "x12/partnerships/me_nobody/generate-edi", key, valid)),
            (generate, await SendAsync(http, HttpMethod.Post, $"x12/partnerships/{StediHarness.Partnership}/generate-edi", key, GenerateBody(settingId, new JsonObject()), "key-1")),
            (generate, await SendAsync(http, HttpMethod.Post, $"x12/partnerships/{StediHarness.Partnership}/generate-edi", null, valid)),
            (generate, await SendAsync(http, HttpMethod.Post, $"x12/partnerships/{StediHarness.Partnership}/generate-edi", "revoked", valid)),
        };
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "856", PartnerDocuments.ShipNotice("SHP-1", "ITM-100", "PO0001"));
        answers.Add((StediOpenApi.Operation(StediOpenApi.Core, "/transactions", HttpMethod.Get), await SendAsync(http, HttpMethod.Get, "transactions?pageSize=1", key)));
        answers.Add((StediOpenApi.Operation(StediOpenApi.Core, "/transactions/{transactionId}/output", HttpMethod.Get), await SendAsync(http, HttpMethod.Get, $"transactions/{id}/output", key)));
        answers.Add((StediOpenApi.Operation(StediOpenApi.Core, "/transactions/{transactionId}/output", HttpMethod.Get), await SendAsync(http, HttpMethod.Get, "transactions/nope/output", key)));

        Assert.Equal([200, 400, 404, 422, 401, 403, 200, 302, 404], answers.Select(a => (int)a.Response.StatusCode));
        foreach (var (operation, response) in answers)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            Assert.Empty(StediOpenApi.Check(StediOpenApi.ResponseSchema(operation, (int)response.StatusCode), body, $"{operation.OperationId} {(int)response.StatusCode}"));
        }
    }

    [Fact]
    public async Task The_transaction_processed_events_the_simulator_delivers_describe_the_transaction_as_stedis_transaction_schema_does()
    {
        await using var harness = await StediHarness.StartAsync(release: "005010");
        var id = harness.Simulator.ReceiveFromPartner(StediHarness.Partnership, "855", PartnerDocuments.StediSampleAcknowledgment("PO0001"));

        var detail = harness.Simulator.Webhooks.Event(harness.Simulator.Store.Transaction(id)!, harness.Simulator.BaseAddress)["event"]!["detail"]!;

        var getTransaction = StediOpenApi.Operation(StediOpenApi.Core, "/transactions/{transactionId}", HttpMethod.Get);
        Assert.Empty(StediOpenApi.Check(StediOpenApi.ResponseSchema(getTransaction, 200), detail));
        var metadata = detail["x12"]!["metadata"]!;
        Assert.Equal(("005010", "PR", "855"), (metadata["functionalGroup"]!["release"]!.ToString(), metadata["functionalGroup"]!["functionalIdentifierCode"]!.ToString(), metadata["transaction"]!["transactionSetIdentifier"]!.ToString()));
        Assert.Equal(("ZZ", "ACMEPARTS"), (metadata["sender"]!["isa"]!["qualifier"]!.ToString(), metadata["sender"]!["isa"]!["id"]!.ToString()));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", detail["x12"]!["transactionSetting"]!["transactionSettingId"]!.ToString());
    }

    [Fact]
    public void Every_field_the_client_reads_from_stedis_answers_is_declared_in_the_contract()
    {
        var generate = StediOpenApi.ResponseSchema(StediOpenApi.Operation(StediOpenApi.X12, "/x12/partnerships/{partnershipId}/generate-edi", HttpMethod.Post), 200);
        var output = StediOpenApi.ResponseSchema(StediOpenApi.Operation(StediOpenApi.Core, "/transactions/{transactionId}/output", HttpMethod.Get), 302);
        var list = StediOpenApi.ResponseSchema(StediOpenApi.Operation(StediOpenApi.Core, "/transactions", HttpMethod.Get), 200);
        var badRequest = StediOpenApi.ResponseSchema(StediOpenApi.Operation(StediOpenApi.X12, "/x12/partnerships/{partnershipId}/generate-edi", HttpMethod.Post), 400);
        var transaction = StediOpenApi.ResponseSchema(StediOpenApi.Operation(StediOpenApi.Core, "/transactions/{transactionId}", HttpMethod.Get), 200);

        // StediClient reads edi, artifactId, fileExecutionId, documentDownloadUrl, items and message; StediWebhookSource
        // reads the transaction's id, direction, processedAt, partnership id and X12 set identifier.
        Assert.All(new[] { "edi", "artifactId", "fileExecutionId" }, name => Assert.Contains(name, generate.Properties!.Keys));
        Assert.Contains("documentDownloadUrl", output.Properties!.Keys);
        Assert.Contains("items", list.Properties!.Keys);
        Assert.Contains("message", badRequest.Properties!.Keys);
        Assert.All(new[] { "transactionId", "direction", "processedAt", "partnership", "x12" }, name => Assert.Contains(name, transaction.Properties!.Keys));
        Assert.Contains("partnershipId", transaction.Properties!["partnership"].Properties!.Keys);
        Assert.Contains("transactionSetIdentifier", transaction.Properties["x12"].Properties!["metadata"].Properties!["transaction"].Properties!.Keys);
    }

    private static string Documented(string method, string path)
    {
        foreach (var document in new[] { StediOpenApi.X12, StediOpenApi.Core })
        {
            foreach (var (template, item) in document.Paths)
            {
                if (Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$") && item.Operations!.ContainsKey(new HttpMethod(method)))
                {
                    return template;
                }
            }
        }

        return $"(undocumented {path})";
    }

    private static JsonObject GenerateBody(string settingId, JsonObject transaction) => new()
    {
        ["transactionGroups"] = new JsonArray(new JsonObject { ["transactionSettingId"] = settingId, ["transactions"] = new JsonArray(transaction) }),
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key, JsonObject? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }
}
