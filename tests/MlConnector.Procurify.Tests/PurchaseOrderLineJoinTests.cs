using System.Text.Json;
using MlConnector.Connectors.Procurify.Streams;

namespace MlConnector.Procurify.Tests;

public sealed class PurchaseOrderLineJoinTests
{
    private static readonly DateTimeOffset Listed = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_completes_with_its_lines_in_line_order_once_item_count_distinct_lines_arrived()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 2));

        Assert.Null(join.Offer(Item(id: 2, lineNumber: 2, [1001])));
        Assert.Null(join.Offer(Item(id: 2, lineNumber: 2, [1001])));
        var completed = join.Offer(Item(id: 1, lineNumber: 1, [1001]));

        Assert.NotNull(completed);
        Assert.Equal([1, 2], completed.Lines.Select(line => line.GetProperty("id").GetInt32()));
        Assert.True(join.IsEmpty);
    }

    [Fact]
    public void A_line_newer_than_the_listing_leaves_the_order_for_its_detail()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 1));

        Assert.Null(join.Offer(Item(id: 1, lineNumber: 1, [1001], modified: Listed.AddMinutes(1))));

        Assert.Equal(["1001"], join.Incomplete.Select(order => order.Id));
    }

    [Fact]
    public void Items_find_their_order_by_any_id_in_their_po_list_and_others_are_ignored()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 1));
        join.Expect(Order("1002", itemCount: 1));

        Assert.Null(join.Offer(Item(id: 9, lineNumber: 1, [1003])));
        Assert.Null(join.Offer(Item(id: 8, lineNumber: 1, [])));
        Assert.Equal("1001", join.Offer(Item(id: 1, lineNumber: 1, [1001]))?.Order.Id);
        Assert.Equal("1002", join.Offer(Item(id: 2, lineNumber: 1, [998, 1002]))?.Order.Id);
        Assert.Equal((3, 2), (join.ItemsNamingAnOrder, join.ItemsMatched));
    }

    private static ListedPurchaseOrder Order(string id, int itemCount) =>
        new(id, JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["procurify_PO"] = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ["item_count"] = itemCount }), Listed);

    /// <summary>An order-items row as <c>/api/v3/order-items/</c> returns it: <c>PO</c> is a list of purchase-order ids.</summary>
    private static JsonElement Item(int id, int lineNumber, int[] purchaseOrders, DateTimeOffset? modified = null) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["PO_line_num"] = lineNumber,
            ["PO"] = purchaseOrders,
            ["last_modified"] = (modified ?? Listed).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
}
