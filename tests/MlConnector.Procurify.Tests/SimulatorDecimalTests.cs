using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>The simulator refuses decimals Procurify's columns cannot hold where they enter, as Procurify does, so its lists never break.</summary>
public sealed class SimulatorDecimalTests
{
    [Theory]
    [InlineData("\"price\": \"12345678901234567890.5\"", "price", "13 digits before the decimal point")]
    [InlineData("\"price\": \"1.123456789\"", "price", "8 decimal places")]
    [InlineData("\"quantity\": \"12345678901\"", "quantity", "10 digits before the decimal point")]
    public async Task An_update_with_a_decimal_procurify_cannot_store_is_a_400_naming_the_field_and_the_list_still_reads(string change, string field, string message)
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 2, LinesPerOrder = 1, UnmappableShare = 0 });
        var order = harness.Simulator.Store.PurchaseOrders[0];
        using var http = await AuthorizedAsync(harness);

        using var response = await http.PutAsync(
            $"api/v3/purchase-orders/{order.ProcurifyPO}/",
            new StringContent($"{{\"version\": {order.Version}, \"order_items\": [{{\"id\": {order.Lines[0].Id}, {change}}}]}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, errors.GetProperty("order_items")[0].GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(order.Version, harness.Simulator.Store.PurchaseOrder(order.ProcurifyPO)!.Version);
        Assert.Equal(2, (await harness.ReadAllAsync(harness.PurchaseOrders, since: null)).Count);
    }

    [Fact]
    public async Task A_number_beyond_any_decimal_is_a_400_not_a_500()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 1, LinesPerOrder = 1, UnmappableShare = 0 });
        var order = harness.Simulator.Store.PurchaseOrders[0];
        using var http = await AuthorizedAsync(harness);

        using var response = await http.PutAsync(
            $"api/v3/purchase-orders/{order.ProcurifyPO}/",
            new StringContent($"{{\"version\": {order.Version}, \"order_items\": [{{\"id\": {order.Lines[0].Id}, \"quantity\": 1e40}}]}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Seeding_a_decimal_procurify_cannot_store_is_refused_at_once()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 1, LinesPerOrder = 1, UnmappableShare = 0 });
        var order = harness.Simulator.Store.PurchaseOrders[0];

        var refused = Assert.Throws<ArgumentException>(() =>
            harness.Simulator.ModifyPurchaseOrder(order.ProcurifyPO, po => po with { Lines = [po.Lines[0] with { Quantity = 99_999_999_999m }] }));

        Assert.Contains("quantity", refused.Message, StringComparison.Ordinal);
        Assert.Single(await harness.ReadAllAsync(harness.PurchaseOrders, since: null));
    }

    private static async Task<HttpClient> AuthorizedAsync(ProcurifyHarness harness)
    {
        var http = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        var options = harness.Simulator.Options;
        using var token = await http.PostAsJsonAsync("oauth/token", new { client_id = options.ClientId, client_secret = options.ClientSecret, audience = options.Audience, grant_type = "client_credentials" });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Add("X-Procurify-Client", "api");
        return http;
    }
}
