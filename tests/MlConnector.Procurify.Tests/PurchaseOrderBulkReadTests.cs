using MlConnector.Core.Flows;
using MlConnector.Procurify.Tests.Support;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.Procurify.Tests;

/// <summary>The purchase-order stream reads lines in bulk, and reads an order's detail only when the bulk read cannot be complete.</summary>
public sealed class PurchaseOrderBulkReadTests
{
    private const string ListPath = "/api/v2/purchase_orders/purchased/all/";
    private const string ItemsPath = "/api/v3/order-items/";
    private const string AccountsPath = "/api/v3/accounts/";
    private static readonly DateTimeOffset TwoDaysLater = new(2025, 3, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SinceTwoDaysLater = new(2025, 3, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task New_orders_arrive_with_all_their_lines_from_one_list_page_and_one_items_page_without_detail_calls()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 12, LinesPerOrder = 3, UnmappableShare = 0, ApprovedRequisitions = 2 });

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(12, records.Count);
        Assert.All(records, record => Assert.Equal(LineIdsInStore(harness, record.Key), LineIds(record)));
        var calls = ApiCalls(harness);
        Assert.Equal([ListPath, ItemsPath], calls.Take(2).Select(call => call.Path));
        Assert.Contains("is_purchased=true", calls[1].Query, StringComparison.Ordinal);
        Assert.Contains("page_size=100", calls[1].Query, StringComparison.Ordinal);

        // Items name their account by id: each distinct account is looked up once, for its department.
        var accountIds = harness.Simulator.Store.PurchaseOrders.SelectMany(order => order.Lines).Select(line => line.AccountId).Distinct().Count();
        Assert.Equal(accountIds, calls.Skip(2).Count(call => call.Path == AccountsPath));
        Assert.Equal(2 + accountIds, calls.Count);
    }

    [Fact]
    public async Task An_order_whose_header_changed_but_not_its_lines_still_arrives_with_all_its_lines()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 2, UnmappableShare = 0 });
        harness.Simulator.ModifyPurchaseOrder(1002, order => order with { Comment = "Deliver to dock 4" }, at: TwoDaysLater);

        var record = Assert.Single(await harness.ReadAllAsync(harness.PurchaseOrders, SinceTwoDaysLater));

        Assert.Equal("1002", record.Key);
        Assert.Equal("Deliver to dock 4", record.Payload.GetProperty("comment").GetString());
        Assert.Equal(LineIdsInStore(harness, "1002"), LineIds(record));
        Assert.Single(ApiCalls(harness), call => call.Path == "/api/v2/purchase_orders/1002/");
    }

    [Fact]
    public async Task Orders_with_changed_lines_are_read_with_the_fresh_lines()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 2, UnmappableShare = 0 });

        // Every line of 1002 changes; only the first of 1003, so 1003's other line is older than the days read.
        harness.Simulator.ModifyPurchaseOrder(1002, order => order with { Lines = [.. order.Lines.Select(line => line with { Quantity = line.Quantity + 5 })] }, at: TwoDaysLater);
        harness.Simulator.ModifyPurchaseOrder(1003, order => order with { Lines = [order.Lines[0] with { Quantity = 40 }, .. order.Lines.Skip(1)] }, at: TwoDaysLater);

        var records = (await harness.ReadAllAsync(harness.PurchaseOrders, SinceTwoDaysLater)).ToDictionary(record => record.Key);

        Assert.Equal(["1002", "1003"], records.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(QuantitiesInStore(harness, "1002"), Quantities(records["1002"]));
        Assert.Equal(QuantitiesInStore(harness, "1003"), Quantities(records["1003"]));
        Assert.Contains(40m, Quantities(records["1003"]));
        var detailCall = Assert.Single(ApiCalls(harness), call => call.Path.StartsWith("/api/v2/purchase_orders/1", StringComparison.Ordinal));
        Assert.Equal("/api/v2/purchase_orders/1003/", detailCall.Path);
    }

    [Fact]
    public async Task A_first_sync_of_thousands_of_orders_reads_each_order_and_line_about_once_in_day_slices()
    {
        await using var harness = await ProcurifyHarness.StartAsync();
        harness.Simulator.Seed(new SeedRequest { PurchaseOrders = 5_000, LinesPerOrder = 1, UnmappableShare = 0 });

        var records = await harness.ReadAllAsync(harness.PurchaseOrders, since: null);

        Assert.Equal(5_000, records.Select(record => record.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(records, record => Assert.Single(LineIds(record)));
        var calls = ApiCalls(harness).Where(call => call.Path != AccountsPath).ToList();
        Assert.All(calls, call => Assert.True(call.Path is ListPath or ItemsPath, call.Path));

        // 50 pages each of orders and of lines at the least; slicing (more than 4,000 orders) adds a handful.
        Assert.InRange(calls.Count, 100, 120);
        Assert.Contains(calls, call => call.Path == ListPath && call.Query.Contains("modified_date_1=", StringComparison.Ordinal));
    }

    private static List<JournalEntry> ApiCalls(ProcurifyHarness harness) =>
        [.. harness.Simulator.Journal.Entries.Where(entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal))];

    private static int[] LineIds(SourceRecord record) =>
        [.. record.Payload.GetProperty("order_items").EnumerateArray().Select(line => line.GetProperty("id").GetInt32())];

    private static decimal[] Quantities(SourceRecord record) =>
        [.. record.Payload.GetProperty("order_items").EnumerateArray().Select(line => line.GetProperty("quantity") is { ValueKind: System.Text.Json.JsonValueKind.Number } number
            ? number.GetDecimal()
            : decimal.Parse(line.GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];

    private static int[] LineIdsInStore(ProcurifyHarness harness, string key) =>
        [.. harness.Simulator.Store.PurchaseOrder(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture))!.Lines.Select(line => line.Id)];

    private static decimal[] QuantitiesInStore(ProcurifyHarness harness, string key) =>
        [.. harness.Simulator.Store.PurchaseOrder(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture))!.Lines.Select(line => line.Quantity)];
}
