using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Jaggaer.Tests.Support;
using MlConnector.Simulators.Jaggaer;
using MlConnector.Simulators.Jaggaer.Seeding;
using MlConnector.TestSupport.Contracts;

namespace MlConnector.Jaggaer.Tests;

/// <summary>
/// Both sides held to the shapes public JAGGAER clients and samples show (Contracts/jaggaer-model.json): the connector's
/// requests use only the parameters those clients send, the simulator answers with their fields and types, and every field
/// the connector reads is in a model, a purchase-order field JAGGAER does not publish being marked as inferred.
/// </summary>
public sealed class JaggaerModelContractTests
{
    private static readonly JsonModelContract Model = JsonModelContract.Load(Path.Combine(AppContext.BaseDirectory, "Contracts", "jaggaer-model.json"));

    /// <summary>Constants of the field classes that are filter names, formats or values, not fields a row carries.</summary>
    private static readonly HashSet<string> NotFields = ["ChangeFilterField", "ChangeFilterFormat", "SellerType", "SegmentName", "SegmentValue"];

    [Fact]
    public async Task Every_request_the_connector_sends_uses_only_parameters_public_clients_send()
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 3);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 7, PurchaseOrders = 5 });

        await harness.ReadAllAsync(harness.Suppliers, since: null);
        await harness.ReadAllAsync(harness.Suppliers, since: new DateTimeOffset(2025, 3, 3, 8, 2, 0, TimeSpan.Zero));
        await harness.ReadAllAsync(harness.PurchaseOrders, since: null);
        await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        var calls = harness.ApiCalls();
        var violations = calls.SelectMany(call => Model.RequestViolations(call.Method, call.Path, call.Query)).Distinct().ToList();
        Assert.True(violations.Count == 0, "Requests outside the public clients' shapes:\n" + string.Join("\n", violations));
        Assert.All(calls.Where(call => call.Path.EndsWith("/companyprofiles", StringComparison.Ordinal)), call => Assert.Contains("comp=USER", call.Query, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("returnCompanyInfo")]
    [InlineData("companyMaster")]
    public async Task Every_answer_of_the_simulator_has_the_fields_and_types_public_clients_read(string companyRowKey)
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 4, companyRowKey: companyRowKey);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 5, PurchaseOrders = 6, UnknownAccountShare = 0.2 });
        using var http = await AuthorizedClientAsync(harness.Simulator);

        var reads = new[]
        {
            "j1p/api/public/ja/v1/companyprofiles?start=1", "j1p/api/public/ja/v1/companyprofiles?start=5&comp=USER&flt=TYPE%3D%3DSELLER",
            "esop/jint/api/public/ja/v1/companyprofiles?start=1&comp=USER%3BSSO_CODE", "j1p/api/public/ji/v1/purchaseorders?start=1",
            "j1p/api/public/ji/v1/purchaseorders?start=5", "j1p/api/public/ji/v1/purchaseorders/90002",
        };
        var violations = new List<string>();
        foreach (var read in reads)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(read));
            var match = Model.FindPath("GET", "/" + read.Split('?')[0])!;
            violations.AddRange(Model.Violations(document.RootElement, match.ResponseModel!, read));
        }

        harness.Simulator.RefuseNextWithReturnCode("Invalid filter");
        using (var refusal = JsonDocument.Parse(await http.GetStringAsync(reads[0])))
        {
            violations.AddRange(Model.Violations(refusal.RootElement, "GetCompanyDataResponse", "refusal"));
            Assert.Equal(1, refusal.RootElement.GetProperty("returnCode").GetInt32());
        }

        Assert.True(violations.Count == 0, "Simulator answers outside the public shapes:\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void Every_supplier_field_the_connector_reads_is_a_field_of_the_company_profile()
    {
        var problems = new List<string>();
        foreach (var (name, value) in Constants(typeof(JaggaerSupplierFields)))
        {
            var model = name == nameof(JaggaerSupplierFields.ListKey) ? "GetCompanyDataResponse" : "CompanyInfo";
            if (!Model.HasField(model, value))
            {
                problems.Add($"JaggaerSupplierFields.{name}: '{value}' is not a field of {model}");
            }
        }

        problems.AddRange(JaggaerSupplierFields.ProfileKeys.Where(key => !Model.HasField("ReturnCompanyData", key)).Select(key => $"ProfileKeys: '{key}' is not a field of ReturnCompanyData"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_purchase_order_field_the_connector_reads_is_in_the_document_and_each_guess_is_marked_inferred()
    {
        var problems = new List<string>();
        var inferred = new List<string>();
        foreach (var (name, value) in Constants(typeof(JaggaerPurchaseOrderFields)))
        {
            var model = name == nameof(JaggaerPurchaseOrderFields.ListKey) ? "PurchaseOrderListResponse"
                : name.StartsWith("Line", StringComparison.Ordinal) && name != nameof(JaggaerPurchaseOrderFields.Lines) ? "PoLine"
                : "PurchaseOrder";
            if (Model.FieldsAlong(model, value) is not { } trail)
            {
                problems.Add($"JaggaerPurchaseOrderFields.{name}: '{value}' is not a path of {model}");
            }
            else if (trail.Any(step => step.TryGetProperty("inferred", out var flag) && flag.GetBoolean()))
            {
                inferred.Add(name);
            }
        }

        foreach (var segmentField in new[] { JaggaerPurchaseOrderFields.SegmentName, JaggaerPurchaseOrderFields.SegmentValue })
        {
            if (!Model.HasField("CustomFieldValue", segmentField))
            {
                problems.Add($"'{segmentField}' is not a field of an accounting segment (CustomFieldValue)");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The guesses, in one place: a new one must be added here knowingly.
        Assert.Equal(["Id", "LineCatalogNumber", "Lines", "ListKey", "Number", "OrderDate", "Status"], inferred.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string) && !NotFields.Contains(field.Name))
            .Select(field => (field.Name, (string)field.GetRawConstantValue()!));

    private static async Task<HttpClient> AuthorizedClientAsync(JaggaerSimulator simulator)
    {
        var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var token = await http.PostAsync(
            $"auth/realms/{simulator.Options.Realm}/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = simulator.Options.ClientId,
                ["client_secret"] = simulator.Options.ClientSecret,
                ["grant_type"] = "client_credentials",
            }));
        using var document = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("access_token").GetString());
        return http;
    }
}
