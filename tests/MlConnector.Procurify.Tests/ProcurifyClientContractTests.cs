using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Diagnostics;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>The real client against the simulator over loopback HTTP.</summary>
public sealed class ProcurifyClientContractTests
{
    private static readonly SeedRequest TwelveOrders = new() { PurchaseOrders = 12, LinesPerOrder = 2, UnmappableShare = 0, ApprovedRequisitions = 3 };

    [Fact]
    public async Task One_token_serves_every_call_and_every_call_carries_the_procurify_headers()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(TwelveOrders);

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);
        await harness.ReadAllAsync(harness.Requisitions, since: null);

        Assert.Equal(12, records.Count);
        Assert.Equal(1, harness.Simulator.TokenRequestCount);
        var apiCalls = harness.Simulator.Journal.Entries.Where(entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, entry =>
        {
            Assert.Equal("api", entry.Headers["x-procurify-client"]);
            Assert.StartsWith("Bearer ", entry.Headers["authorization"], StringComparison.Ordinal);
            Assert.Contains("application/json", entry.Headers["accept"], StringComparison.Ordinal);
            Assert.Equal(200, entry.Status);
        });
    }

    [Fact]
    public async Task Token_request_is_json_client_credentials_with_the_procurify_audience()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        var token = await harness.Services.GetTokenSource().AcquireAsync(CancellationToken.None);

        Assert.True(token.ExpiresAt - DateTimeOffset.UtcNow > TimeSpan.FromHours(23.9));
        var entry = Assert.Single(harness.Simulator.Journal.Entries, e => e.Path == "/oauth/token");
        Assert.StartsWith("application/json", entry.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(200, entry.Status);
    }

    [Fact]
    public async Task Lists_are_read_page_by_page_until_next_is_null()
    {
        await using var harness = await ProcurifyHarness.StartAsync(pageSize: 5);
        harness.Simulator.Seed(TwelveOrders);

        var pages = new List<ProcurifyPage>();
        await foreach (var page in harness.Client.ListPurchaseOrdersAsync("purchased", "all", new ProcurifyQuery(), CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([5, 5, 2], pages.Select(page => page.Data.Count));
        Assert.Equal([1, 2, 3], pages.Select(page => page.Pagination.CurrentPage));
        Assert.All(pages, page => Assert.Equal(12, page.Pagination.Count));
        Assert.Null(pages[^1].Pagination.Next);
        Assert.NotNull(pages[0].Counts);
        var listCalls = harness.Simulator.Journal.Entries.Where(entry => entry.Path == "/api/v2/purchase_orders/purchased/all/").ToList();
        Assert.Equal(["?page=1&page_size=5", "?page=2&page_size=5", "?page=3&page_size=5"], listCalls.Select(entry => entry.Query));
    }

    [Fact]
    public async Task Boundary_day_is_read_again_and_older_or_repeated_versions_are_dropped()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        var scenario = harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 6, LinesPerOrder = 1, UnmappableShare = 0 });

        // Orders are stamped 09:00..14:00 on 2025-03-03; a cursor at 11:30 must ask from the day before and keep 12:00..14:00.
        var since = new DateTimeOffset(2025, 3, 3, 11, 30, 0, TimeSpan.Zero);
        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since);

        Assert.Equal(["1004", "1005", "1006"], records.Select(record => record.Key));
        Assert.Contains(harness.Simulator.Journal.Entries, entry => entry.Query.Contains("modified_date_0=2025-03-02", StringComparison.Ordinal));
        Assert.All(records, record => Assert.Equal(record.ModifiedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), record.Version));
        Assert.Equal(6, scenario.MappablePurchaseOrders.Count);
    }

    [Fact]
    public async Task A_modified_order_comes_back_as_a_new_version_of_the_same_key()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 1, UnmappableShare = 0 });
        var since = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var first = await harness.ReadAllAsync(harness.PurchaseOrders, since);

        var cancelled = harness.Simulator.CancelPurchaseOrder(1002, at: new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero));
        var second = await harness.ReadAllAsync(harness.PurchaseOrders, new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero));

        var again = Assert.Single(second);
        Assert.Equal("1002", again.Key);
        Assert.NotEqual(first.Single(record => record.Key == "1002").Version, again.Version);
        Assert.Equal(2, cancelled.Version);
        Assert.Equal(1, again.Payload.GetProperty("state").GetInt32());
        Assert.Equal(1, again.Payload.GetProperty("order_items").GetArrayLength());
    }

    [Fact]
    public async Task Approved_requisitions_carry_their_lines()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 0, LinesPerOrder = 2, ApprovedRequisitions = 2 });

        var records = await harness.ReadAllAsync(harness.Requisitions, since: null);

        Assert.Equal(["501", "502"], records.Select(record => record.Key));
        Assert.All(records, record => Assert.Equal(2, record.Payload.GetProperty("order_items").GetArrayLength()));
        Assert.Contains(harness.Simulator.Journal.Entries, entry => entry.Path == "/api/v2/global/orders/" && entry.Query.Contains("status=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_items_filter_by_inclusive_days_and_purchase_and_name_their_purchase_orders_by_id()
    {
        await using var harness = await ProcurifyHarness.StartAsync(pageSize: 1);
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 1, UnmappableShare = 0, ApprovedRequisitions = 2 });
        harness.Simulator.ModifyPurchaseOrder(1003, order => order with { Lines = [order.Lines[0] with { Quantity = 9 }] }, at: new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero));

        var seedDay = await ReadItemsAsync(harness, new ProcurifyQuery().AddDayRange("last_modified", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 3)).Add("is_purchased", "true"));
        var requested = await ReadItemsAsync(harness, new ProcurifyQuery().Add("is_purchased", "false"));
        var changed = await ReadItemsAsync(harness, new ProcurifyQuery().AddDayRange("last_modified", new DateOnly(2025, 3, 5)).Add("is_purchased", "true"));

        Assert.Equal([[1001], [1002]], seedDay.Select(item => item.GetProperty("PO").EnumerateArray().Select(id => id.GetInt32()).ToArray()));
        Assert.All(seedDay, item => Assert.False(item.TryGetProperty("purchase_order_number", out _)));
        Assert.All(seedDay, item => Assert.Equal(JsonValueKind.Number, item.GetProperty("account").ValueKind));
        Assert.Equal(2, requested.Count);
        Assert.All(requested, item => Assert.Equal(0, item.GetProperty("PO").GetArrayLength()));
        var line = Assert.Single(changed);
        Assert.Equal("9", line.GetProperty("quantity").GetString());
        Assert.StartsWith("2025-03-05T08:00:00", line.GetProperty("last_modified").GetString(), StringComparison.Ordinal);
        Assert.Contains(harness.Simulator.Journal.Entries, entry => entry.Path == "/api/v3/order-items/" && entry.Query.EndsWith("&page=2&page_size=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_credentials_fail_with_a_clear_message_and_the_connection_check_blames_the_credential()
    {
        await using var harness = await ProcurifyHarness.StartAsync(secret: "wrong-secret");

        var failure = await Assert.ThrowsAsync<ProcurifyAuthenticationException>(async () =>
            await harness.Client.GetPurchaseOrderAsync("1001", CancellationToken.None));
        var check = await harness.Services.GetConnectionCheck().CheckAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains("refused client id 'sim-client-id'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ProcurifySecretNames.ClientSecret, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", failure.Message, StringComparison.Ordinal);
        Assert.False(check.Succeeded);
        Assert.Equal(ConnectionPart.Credential, check.FailingPart);
    }

    [Fact]
    public async Task A_refused_secret_is_asked_about_once_for_many_callers_and_a_corrected_secret_is_used_at_once()
    {
        await using var harness = await ProcurifyHarness.StartAsync(secret: "wrong-secret");
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 1, LinesPerOrder = 1, UnmappableShare = 0 });

        var failures = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Assert.ThrowsAsync<ProcurifyAuthenticationException>(() => harness.Client.GetPurchaseOrderAsync("1001", CancellationToken.None))));
        var refusedRequests = harness.Simulator.TokenRequestCount;
        await harness.Services.GetRequiredService<MlConnector.Core.Secrets.ISecretStore>().SetSecretAsync(ProcurifySecretNames.ClientSecret, harness.Simulator.Options.ClientSecret, CancellationToken.None);
        var order = await harness.Client.GetPurchaseOrderAsync("1001", CancellationToken.None);

        Assert.All(failures, failure => Assert.Contains("refused client id 'sim-client-id'", failure.Message, StringComparison.Ordinal));
        Assert.Equal(1, refusedRequests);
        Assert.Equal(1001, order.GetProperty("procurify_PO").GetInt32());
        Assert.Equal(2, harness.Simulator.TokenRequestCount);
    }

    [Fact]
    public async Task Connection_check_blames_the_url_when_no_tenant_answers_and_passes_when_all_is_right()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        var good = await harness.Services.GetConnectionCheck().CheckAsync(CancellationToken.None);
        await harness.Simulator.DisposeAsync();
        var unreachable = await harness.Services.GetConnectionCheck().CheckAsync(CancellationToken.None);

        Assert.True(good.Succeeded, good.Detail);
        Assert.False(unreachable.Succeeded);
        Assert.Equal(ConnectionPart.Url, unreachable.FailingPart);
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_waited_out_and_the_read_succeeds()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 2, LinesPerOrder = 1, UnmappableShare = 0 });
        harness.Simulator.Faults.FailNext(429, times: 1, pathContains: "/api/v2/purchase_orders/purchased", retryAfter: TimeSpan.FromSeconds(1),
            body: """{"detail":"Request was throttled. Expected available in 1 second."}""");

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(2, records.Count);
        var listCalls = harness.Simulator.Journal.Entries.Where(entry => entry.Path == "/api/v2/purchase_orders/purchased/all/").ToList();
        Assert.Equal([429, 200], listCalls.Select(entry => entry.Status));
        Assert.True(listCalls[1].At - listCalls[0].At >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Expired_token_is_refreshed_once_and_the_call_retried()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 1, LinesPerOrder = 1, UnmappableShare = 0 });
        await harness.Client.GetPurchaseOrderAsync("1001", CancellationToken.None);

        harness.Simulator.ExpireAllTokens();
        var order = await harness.Client.GetPurchaseOrderAsync("1001", CancellationToken.None);

        Assert.Equal(1001, order.GetProperty("procurify_PO").GetInt32());
        Assert.Equal(2, harness.Simulator.TokenRequestCount);
    }

    [Fact]
    public async Task Simulator_refuses_calls_without_the_client_header_or_a_bearer_token_as_procurify_does()
    {
        await using var simulator = await Simulators.Procurify.ProcurifySimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var tokenResponse = await http.PostAsync("oauth/token", new StringContent(
            """{"client_id":"sim-client-id","client_secret":"sim-client-secret","audience":"https://api.procurify.com/","grant_type":"client_credentials"}""",
            System.Text.Encoding.UTF8, "application/json"));
        var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement;
        using var withoutHeader = new HttpRequestMessage(HttpMethod.Get, "api/v3/departments/");
        withoutHeader.Headers.Authorization = new("Bearer", token.GetProperty("access_token").GetString());

        using var noHeader = await http.SendAsync(withoutHeader);
        using var noToken = await http.GetAsync("api/v3/departments/");

        Assert.Equal(86_400, token.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Contains("\"detail\"", await noHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    private static async Task<List<JsonElement>> ReadItemsAsync(ProcurifyHarness harness, ProcurifyQuery query)
    {
        var items = new List<JsonElement>();
        await foreach (var page in harness.Client.ListOrderItemsAsync(query, CancellationToken.None))
        {
            items.AddRange(page.Data);
        }

        return items;
    }
}
