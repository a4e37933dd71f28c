using System.Net;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Core.Diagnostics;
using MlConnector.Jaggaer.Tests.Support;
using MlConnector.Simulators.Jaggaer.Seeding;

namespace MlConnector.Jaggaer.Tests;

/// <summary>The real client against the JAGGAER simulator over loopback HTTP.</summary>
public sealed class JaggaerClientContractTests
{
    [Fact]
    public async Task The_token_is_a_keycloak_form_post_and_one_token_serves_every_call()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 3, PurchaseOrders = 4 });

        await harness.ReadAllAsync(harness.Suppliers, since: null);
        await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        var token = Assert.Single(harness.Simulator.Journal.Entries, entry => entry.Method == "POST");
        Assert.Equal("/auth/realms/J1p-integrations/protocol/openid-connect/token", token.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(200, token.Status);
        var apiCalls = harness.ApiCalls();
        Assert.Equal(2, apiCalls.Count);
        Assert.All(apiCalls, call =>
        {
            Assert.StartsWith("Bearer ", call.Headers["authorization"], StringComparison.Ordinal);
            Assert.Equal(200, call.Status);
        });
    }

    [Fact]
    public async Task Lists_page_by_one_based_start_until_totRecords_with_the_server_page_size()
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 20);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 45, PurchaseOrders = 0 });

        var pages = await harness.ListSuppliersAsync(JaggaerFilter.None);

        Assert.Equal([20, 20, 5], pages.Select(page => page.Rows.Count));
        Assert.Equal([1, 21, 41], pages.Select(page => page.Envelope.StartAt));
        Assert.All(pages, page => Assert.Equal(45, page.Envelope.TotRecords));
        Assert.Equal(["?start=1&comp=USER", "?start=21&comp=USER", "?start=41&comp=USER"], harness.ApiCalls().Select(call => call.Query));
        Assert.Equal(45, pages.SelectMany(page => page.Rows).Select(row => row.GetProperty("returnCompanyInfo").GetProperty("bravoId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_smaller_server_page_is_followed_by_startAt_plus_returnedRecords()
    {
        await using var harness = await JaggaerHarness.StartAsync(pageSize: 7);
        harness.Simulator.Seed(new SeedRequest { Suppliers = 2, PurchaseOrders = 15 });

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(15, records.Count);
        Assert.Equal(["?start=1", "?start=8", "?start=15"], harness.ApiCalls().Select(call => call.Query));
    }

    [Fact]
    public async Task Changes_are_asked_for_with_a_fiql_filter_and_older_rows_are_not_returned()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 6, PurchaseOrders = 6 });

        // Suppliers are stamped 08:00..08:05 and orders 09:00..09:05 on 2025-03-03.
        var suppliers = await harness.ReadAllAsync(harness.Suppliers, new DateTimeOffset(2025, 3, 3, 8, 3, 0, TimeSpan.Zero));
        var orders = await harness.ReadAllAsync(harness.PurchaseOrders, new DateTimeOffset(2025, 3, 3, 9, 4, 0, TimeSpan.Zero));

        Assert.Equal(["7004", "7005", "7006"], suppliers.Select(record => record.Key));
        Assert.Equal(["90005", "90006"], orders.Select(record => record.Key));
        var queries = harness.ApiCalls().Select(call => Uri.UnescapeDataString(call.Query)).ToList();
        Assert.Contains("?start=1&comp=USER&flt=TYPE==SELLER;LASTMODTIME>=20250303080300", queries);
        Assert.Contains("?start=1&flt=lastUpdate>=2025-03-03T09:04:00.000Z", queries);
        Assert.Equal("2025-03-03T09:04:00.000Z", orders[0].Version);
    }

    [Fact]
    public async Task A_200_whose_envelope_has_returnCode_1_fails_with_jaggaers_message()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 2, PurchaseOrders = 0 });
        harness.Simulator.RefuseNextWithReturnCode("Company profile search is not enabled for this client");

        var failure = await Assert.ThrowsAsync<JaggaerApiException>(() => harness.ListSuppliersAsync(JaggaerFilter.None));

        Assert.Equal(1, failure.ReturnCode);
        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.False(failure.IsTransient);
        Assert.Contains("returnCode 1, Company profile search is not enabled for this client", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_filter_field_is_refused_in_the_envelope()
    {
        await using var harness = await JaggaerHarness.StartAsync();

        var failure = await Assert.ThrowsAsync<JaggaerApiException>(() => harness.ListSuppliersAsync(JaggaerFilter.None.Equal("COLOUR", "blue")));

        Assert.Equal(1, failure.ReturnCode);
        Assert.Contains("unknown field 'COLOUR'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_refused_with_401_is_refreshed_once_and_the_call_retried()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 2, PurchaseOrders = 0 });
        await harness.ListSuppliersAsync(JaggaerFilter.None);

        harness.Simulator.ExpireAllTokens();
        var pages = await harness.ListSuppliersAsync(JaggaerFilter.None);

        Assert.Equal(2, pages.Single().Rows.Count);
        Assert.Equal(2, harness.Simulator.TokenRequestCount);
        var refused = Assert.Single(harness.ApiCalls(), call => call.Status == 401);
        Assert.Equal([200, 401, 200], harness.ApiCalls().Select(call => call.Status));
        Assert.NotEqual(refused.Headers["authorization"], harness.ApiCalls()[^1].Headers["authorization"]);
    }

    [Fact]
    public async Task The_simulator_answers_a_bad_token_with_the_j1p_www_authenticate_challenge()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "j1p/api/public/ja/v1/companyprofiles?start=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_or_missing_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_retried()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 3, PurchaseOrders = 0 });
        harness.Simulator.Faults.FailNext(429, times: 1, pathContains: "/companyprofiles", method: "GET", retryAfter: TimeSpan.FromSeconds(1));

        var started = TimeProvider.System.GetTimestamp();
        var pages = await harness.ListSuppliersAsync(JaggaerFilter.None);

        Assert.Equal(3, pages.Single().Rows.Count);
        Assert.Equal([429, 200], harness.ApiCalls().Select(call => call.Status));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the Retry-After of 1 s was not honoured");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 1, PurchaseOrders = 3 });
        harness.Simulator.Faults.FailNext(503, times: 2, pathContains: "/purchaseorders", method: "GET");

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(3, records.Count);
        Assert.Equal([503, 503, 200], harness.ApiCalls().Select(call => call.Status));
    }

    [Fact]
    public async Task The_token_is_reused_until_30_seconds_before_expires_in_then_refreshed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.Zero));
        await using var harness = await JaggaerHarness.StartAsync(time: time);

        var first = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(269));
        var reused = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Same(first, reused);
        Assert.NotEqual(first.Value, refreshed.Value);
        Assert.Equal(first.ExpiresAt, time.GetUtcNow().AddSeconds(-271 + 300));
        Assert.Equal(2, harness.Simulator.TokenRequestCount);
    }

    [Fact]
    public async Task Concurrent_callers_at_start_share_one_token_request()
    {
        await using var harness = await JaggaerHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { Suppliers = 2, PurchaseOrders = 0 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.ListSuppliersAsync(JaggaerFilter.None)));

        Assert.Equal(1, harness.Simulator.TokenRequestCount);
        Assert.Equal(8, harness.ApiCalls().Count);
    }

    [Fact]
    public async Task A_wrong_secret_fails_naming_the_client_and_the_check_blames_the_credential()
    {
        await using var harness = await JaggaerHarness.StartAsync(secret: "wrong-secret");

        var failure = await Assert.ThrowsAsync<JaggaerAuthenticationException>(() => harness.ListSuppliersAsync(JaggaerFilter.None));
        var check = await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains("refused client id 'sim-jaggaer-client'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(JaggaerSecretNames.ClientSecret, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", failure.Message, StringComparison.Ordinal);
        Assert.False(check.Succeeded);
        Assert.Equal(ConnectionPart.Credential, check.FailingPart);
    }

    [Fact]
    public async Task The_connection_check_succeeds_and_blames_the_url_when_nothing_answers_there()
    {
        await using var good = await JaggaerHarness.StartAsync();
        good.Simulator.Seed(new SeedRequest { Suppliers = 4, PurchaseOrders = 0 });
        await using var wrong = await JaggaerHarness.StartAsync(baseUrl: "http://127.0.0.1:9/");

        var ok = await good.ConnectionCheck.CheckAsync(CancellationToken.None);
        var unreachable = await wrong.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.True(ok.Succeeded, ok.Detail);
        Assert.Contains("4 supplier profiles readable", ok.Detail, StringComparison.Ordinal);
        Assert.False(unreachable.Succeeded);
        Assert.Equal(ConnectionPart.Url, unreachable.FailingPart);
        Assert.Contains("Jaggaer__BaseUrl", unreachable.Detail, StringComparison.Ordinal);
    }
}
