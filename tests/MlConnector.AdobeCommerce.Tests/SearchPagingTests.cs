using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class SearchPagingTests
{
    [Fact]
    public async Task A_page_past_the_last_is_not_read_as_new_orders()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            simulator.SeedOrder(Orders.Standard($"00000020{i}"));
        }

        await using var host = ConnectorHost.Create(simulator, new() { ["AdobeCommerce:PageSize"] = "2" });

        var orders = await host.Get<AdobeCommerceClient>().SearchOrdersAsync(new SearchCriteria(), CancellationToken.None);

        Assert.Equal(5, orders.Count);
        Assert.Equal(5, orders.Select(o => o.IncrementId).Distinct().Count());
        Assert.Equal(3, simulator.Journal.Entries.Count(e => e.Path.EndsWith("/V1/orders", StringComparison.Ordinal) && e.Status == 200));
    }

    [Fact]
    public async Task Simulator_answers_a_page_past_the_last_with_the_last_page()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { AllowIntegrationBearer = true });
        for (var i = 1; i <= 3; i++)
        {
            simulator.SeedOrder(Orders.Standard($"00000030{i}"));
        }

        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", simulator.Options.AccessToken);
        var last = await raw.GetStringAsync(new Uri(simulator.RestBaseAddress, "V1/orders?searchCriteria[pageSize]=2&searchCriteria[currentPage]=2"));
        var beyond = await raw.GetStringAsync(new Uri(simulator.RestBaseAddress, "V1/orders?searchCriteria[pageSize]=2&searchCriteria[currentPage]=7"));

        Assert.Contains("\"increment_id\":\"000000303\"", beyond, StringComparison.Ordinal);
        Assert.Contains("\"total_count\":3", beyond, StringComparison.Ordinal);
        Assert.Equal(ItemsOf(last), ItemsOf(beyond));
    }

    private static string ItemsOf(string json) => json[..json.IndexOf("\"search_criteria\"", StringComparison.Ordinal)];
}
