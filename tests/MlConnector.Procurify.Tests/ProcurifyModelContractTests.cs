using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using MlConnector.Connectors.Procurify;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify;
using MlConnector.Simulators.Procurify.Api;
using MlConnector.Simulators.Procurify.Seeding;
using MlConnector.TestSupport.Contracts;

namespace MlConnector.Procurify.Tests;

/// <summary>
/// Both sides held to Procurify's own model (its SDK, Contracts/procurify-model.json): every request the connector
/// sends uses only parameters the path defines, every answer the simulator gives has the model's fields and types,
/// and every field the connector reads exists in the model it names.
/// </summary>
public sealed class ProcurifyModelContractTests
{
    private static readonly JsonModelContract Model = JsonModelContract.Load(Path.Combine(AppContext.BaseDirectory, "Contracts", "procurify-model.json"));

    [Fact]
    public async Task Every_request_the_connector_sends_uses_only_parameters_its_path_defines()
    {
        await using var harness = await ProcurifyHarness.StartAsync(pageSize: 2);
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 5, LinesPerOrder = 2, UnmappableShare = 0, ApprovedRequisitions = 2 });
        harness.Simulator.ModifyPurchaseOrder(1002, order => order with { Comment = "Header only" }, at: new DateTimeOffset(2025, 3, 6, 8, 0, 0, TimeSpan.Zero));

        await harness.ReadAllAsync(harness.PurchaseOrders, since: null);
        await harness.ReadAllAsync(harness.PurchaseOrders, since: new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero));
        await harness.ReadAllAsync(harness.Requisitions, since: null);
        await harness.Services.GetConnectionCheck().CheckAsync(CancellationToken.None);

        var calls = harness.Simulator.Journal.Entries.Where(entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var violations = calls.SelectMany(call => Model.RequestViolations(call.Method, call.Path, call.Query)).Distinct().ToList();
        Assert.True(violations.Count == 0, "Requests outside Procurify's model:\n" + string.Join("\n", violations));
        var pathsUsed = calls.Select(call => Model.FindPath(call.Method, call.Path)!.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "GET /api/v2/purchase_orders/{role}/{status}", "GET /api/v2/purchase_orders/{id}", "GET /api/v3/order-items",
                "GET /api/v2/global/orders", "GET /api/v3/accounts", "GET /api/v3/vendors/{id}", "GET /api/v3/departments",
            },
            pathsUsed);
        Assert.Empty(harness.Simulator.IgnoredParameters);
    }

    [Fact]
    public async Task Every_answer_of_the_simulator_has_the_fields_and_types_of_procurifys_model()
    {
        await using var simulator = await ProcurifySimulator.StartAsync();
        simulator.Seed(new SeedRequest { PurchaseOrders = 8, LinesPerOrder = 2, UnmappableShare = 0.25, ApprovedRequisitions = 2 });
        simulator.CancelPurchaseOrder(1003);
        using var http = await AuthorizedClientAsync(simulator);

        var reads = new[]
        {
            "api/v2/purchase_orders/purchased/all/?page_size=3", "api/v2/purchase_orders/receivable/open/", "api/v2/purchase_orders/1001/",
            "api/v2/purchase_orders/1003/", "api/v3/order-items/?page_size=50", "api/v3/order-items/?orderNum=501", "api/v2/global/orders/?status=1",
            "api/v3/vendors/", "api/v3/vendors/101/", "api/v3/accounts/?page_size=50", "api/v3/accounts/?id=11001", "api/v3/account-codes/", "api/v3/departments/",
        };
        var violations = new List<string>();
        foreach (var read in reads)
        {
            violations.AddRange(await AnswerViolationsAsync(http, HttpMethod.Get, read, body: null));
        }

        violations.AddRange(await AnswerViolationsAsync(http, HttpMethod.Put, "api/v3/purchase-orders/1001/", """{"version":1,"comment":"Rush","freight":"12.50"}"""));
        violations.AddRange(await AnswerViolationsAsync(http, HttpMethod.Post, "api/v3/purchase-orders/1001/close/", body: null));

        Assert.True(violations.Count == 0, $"Simulator answers outside Procurify's model ({Model.Source}):\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void Every_field_the_connector_reads_is_a_field_of_the_models_it_names()
    {
        var problems = new List<string>();
        foreach (var group in typeof(ProcurifyFields).GetNestedTypes())
        {
            if (group.GetCustomAttribute<OtherSourceAttribute>() is not null)
            {
                continue;
            }

            var constants = group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).ToList();
            if (group.GetCustomAttribute<ProcurifyEnumAttribute>() is { } enumeration)
            {
                var allowed = Model.Field(enumeration.Model, enumeration.Field).GetProperty("enum").EnumerateArray().Select(value => value.ToString()).ToList();
                problems.AddRange(constants.Select(field => (string)field.GetRawConstantValue()!).Where(value => !allowed.Contains(value))
                    .Select(value => $"{group.Name}: '{value}' is not a value of {enumeration.Model}.{enumeration.Field}"));
                continue;
            }

            var models = group.GetCustomAttribute<ProcurifyModelAttribute>()?.Models
                ?? throw new InvalidOperationException($"ProcurifyFields.{group.Name} names no model and no other source.");
            foreach (var field in constants.Where(field => field.GetCustomAttribute<OtherSourceAttribute>() is null))
            {
                var name = (string)field.GetRawConstantValue()!;
                problems.AddRange(models.Where(model => !Model.HasField(model, name)).Select(model => $"{group.Name}.{field.Name}: '{name}' is not a field of {model}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_simulator_accepts_exactly_the_query_parameters_procurifys_sdk_defines()
    {
        foreach (var (path, parameters) in ProcurifyParameters.ByPath)
        {
            var defined = Model.FindPath("GET", path[4..])!.Entry.GetProperty("query").EnumerateObject().Select(parameter => parameter.Name);
            Assert.Equal(defined.Order(StringComparer.Ordinal), parameters.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_filter_procurify_does_not_define_is_ignored_as_procurify_ignores_it_and_recorded()
    {
        await using var simulator = await ProcurifySimulator.StartAsync();
        simulator.Seed(new SeedRequest { PurchaseOrders = 0, LinesPerOrder = 2, ApprovedRequisitions = 2 });
        using var http = await AuthorizedClientAsync(simulator);

        var byOrderNum = await CountAsync(http, "api/v3/order-items/?orderNum=501");
        var byUnknownName = await CountAsync(http, "api/v3/order-items/?order_num=501");

        Assert.Equal(2, byOrderNum);
        Assert.Equal(4, byUnknownName);
        var ignored = Assert.Single(simulator.IgnoredParameters);
        Assert.Equal(("/api/v3/order-items/", "order_num", "501", false), (ignored.Path, ignored.Name, ignored.Value, ignored.Defined));
    }

    private static async Task<List<string>> AnswerViolationsAsync(HttpClient http, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return [$"{method} {path}: {(int)response.StatusCode} {text}"];
        }

        var match = Model.FindPath(method.Method, "/" + path.Split('?')[0]) ?? throw new InvalidOperationException($"{method} {path} is not in the model.");
        using var document = JsonDocument.Parse(text);
        return [.. Model.Violations(document.RootElement, match.ResponseModel!, $"{method} {path}")];
    }

    private static async Task<int> CountAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(path));
        return document.RootElement.GetProperty("data").GetArrayLength();
    }

    private static async Task<HttpClient> AuthorizedClientAsync(ProcurifySimulator simulator)
    {
        var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var token = await http.PostAsync("oauth/token", new StringContent(
            $$"""{"client_id":"{{simulator.Options.ClientId}}","client_secret":"{{simulator.Options.ClientSecret}}","audience":"{{simulator.Options.Audience}}","grant_type":"client_credentials"}""",
            Encoding.UTF8,
            "application/json"));
        using var document = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("access_token").GetString());
        http.DefaultRequestHeaders.Add("X-Procurify-Client", "api");
        return http;
    }
}
