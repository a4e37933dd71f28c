using System.Net;
using System.Text;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core.Diagnostics;
using MlConnector.Simulators.SpsCommerce;
using MlConnector.SpsCommerce.Tests.Support;

namespace MlConnector.SpsCommerce.Tests;

public sealed class SpsClientContractTests
{
    [Fact]
    public async Task Listing_follows_the_opaque_cursor_through_every_page_with_one_cached_token()
    {
        await using var harness = await SpsHarness.StartAsync(pageSize: 2);
        for (var i = 1; i <= 5; i++)
        {
            harness.Simulator.Files.Put($"out/PO/PO{i}.json", "{}");
        }

        harness.Simulator.Files.Put("out/INV.json", "{}");
        var pages = new List<SpsListingPage>();
        await foreach (var page in harness.Client.ListAsync("out/PO/", CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal(["out/PO/PO1.json", "out/PO/PO2.json", "out/PO/PO3.json", "out/PO/PO4.json", "out/PO/PO5.json"], pages.SelectMany(p => p.Entries).Select(e => e.Path));
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[^1].NextCursor);
        var lists = harness.ApiCalls();
        Assert.All(lists, call => Assert.Contains("limit=2", call.Query, StringComparison.Ordinal));
        Assert.Equal(2, lists.Count(call => call.Query.Contains("cursor=", StringComparison.Ordinal)));
        Assert.Equal(1, harness.Simulator.TokenRequestCount);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_call_retried()
    {
        await using var harness = await SpsHarness.StartAsync();
        harness.Simulator.Files.Put("out/PO/PO1.json", "{\"a\":1}");
        Assert.NotNull(await harness.Client.DownloadAsync("out/PO/PO1.json", CancellationToken.None));

        harness.Simulator.ExpireAllTokens();
        var content = await harness.Client.DownloadAsync("out/PO/PO1.json", CancellationToken.None);

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(content!));
        Assert.Equal(2, harness.Simulator.IssuedTokenCount);
        Assert.Contains(harness.Simulator.Journal.Entries, entry => entry.Status == 401 && entry.Path.StartsWith("/transactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_naming_the_secret_but_never_showing_it()
    {
        const string wrong = "definitely-not-the-secret-4711";
        await using var harness = await SpsHarness.StartAsync(secret: wrong);

        var failure = await Assert.ThrowsAsync<SpsCommerceAuthenticationException>(() => harness.Client.DownloadAsync("out/PO/x.json", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains(SpsCommerceSecretNames.ClientSecret, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SpsHarness.Log.Lines, line => line.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_retired_legacy_audience_is_refused_by_auth0_with_its_reason()
    {
        await using var harness = await SpsHarness.StartAsync(audience: "api://api.spscommerce.com/");

        var result = await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectionPart.Credential, result.FailingPart);
        Assert.Contains("Service not enabled within domain: api://api.spscommerce.com/", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_servers_delay()
    {
        await using var harness = await SpsHarness.StartAsync();
        harness.Simulator.Files.Put("out/PO/PO1.json", "{}");
        harness.Simulator.Faults.FailNext(429, times: 1, pathContains: "/transactions/v5/data/out/PO/", method: "GET", retryAfter: TimeSpan.FromMilliseconds(10));

        var pages = new List<SpsListingPage>();
        await foreach (var page in harness.Client.ListAsync("out/PO/", CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Single(pages.SelectMany(p => p.Entries));
        Assert.Equal([429, 200], harness.ApiCalls().Select(call => call.Status));
    }

    [Fact]
    public async Task A_lasting_server_error_surfaces_as_transient_with_the_problem_detail()
    {
        await using var harness = await SpsHarness.StartAsync();
        harness.Simulator.Faults.FailNext(503, times: 10, pathContains: "/transactions/v5/data/", body: "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Maintenance window\",\"requestId\":\"r-1\"}");

        var failure = await Assert.ThrowsAsync<SpsCommerceApiException>(() => harness.Client.DownloadAsync("out/PO/x.json", CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Contains("Maintenance window (requestId r-1)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, harness.ApiCalls().Count);
    }

    [Fact]
    public async Task An_unknown_folder_is_a_404_that_names_the_setting()
    {
        await using var harness = await SpsHarness.StartAsync(ordersFolder: "out/po/");

        var result = await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectionPart.Folder, result.FailingPart);
        Assert.Contains("Directory not found", result.Detail, StringComparison.Ordinal);
        Assert.Contains("SpsCommerce__OrdersFolder", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_check_reports_the_files_waiting()
    {
        await using var harness = await SpsHarness.StartAsync();
        harness.Simulator.Files.Put("out/PO/PO1.json", "{}");
        harness.Simulator.Files.Put("out/PO/PO2.json", "{}");

        var result = await harness.ConnectionCheck.CheckAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Contains("2 files waiting in out/PO/", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_endpoint_throttles_a_client_that_does_not_cache()
    {
        await using var simulator = await SpsCommerceSimulator.StartAsync(new SpsCommerceSimulatorOptions { TokenRequestsPerMinute = 2 });
        using var http = new HttpClient();
        var body = $"{{\"grant_type\":\"client_credentials\",\"client_id\":\"{simulator.Options.ClientId}\",\"client_secret\":\"{simulator.Options.ClientSecret}\",\"audience\":\"https://spscommerce.com\"}}";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(simulator.TokenAddress, new StringContent(body, Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Uploads_are_raw_octet_streams_and_the_same_path_overwrites()
    {
        await using var harness = await SpsHarness.StartAsync();

        var first = await harness.Client.UploadAsync("in/note.txt", "one"u8.ToArray(), new Dictionary<string, string> { ["origin"] = "x3" }, CancellationToken.None);
        await harness.Client.UploadAsync("in/note.txt", "two"u8.ToArray(), null, CancellationToken.None);

        Assert.Equal("in/note.txt", first);
        var stored = Assert.Single(harness.Simulator.Files.Files("in/"));
        Assert.Equal("two", Encoding.UTF8.GetString(stored.Content));
        using var http = new HttpClient();
        using var json = await http.PostAsync(new Uri(harness.Simulator.BaseAddress, "transactions/v5/data/in/x.txt"), new StringContent("x", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }
}
