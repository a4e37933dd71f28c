using System.Text.Json;
using MlConnector.Connectors.Procurify.Streams;

namespace MlConnector.Procurify.Tests;

public sealed class PurchaseOrderLineJoinTests
{
    private const string Uuid = "0b7c7a52-3a8e-4c1e-9d7a-1f2e3d4c5b6a";
    private static readonly DateTimeOffset Listed = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_completes_with_its_lines_in_line_order_once_item_count_distinct_lines_arrived()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 2));

        Assert.Null(join.Offer(Item(id: 2, lineNumber: 2, "1001")));
        Assert.Null(join.Offer(Item(id: 2, lineNumber: 2, "1001")));
        var completed = join.Offer(Item(id: 1, lineNumber: 1, "1001"));

        Assert.NotNull(completed);
        Assert.Equal([1, 2], completed.Lines.Select(line => line.GetProperty("id").GetInt32()));
        Assert.True(join.IsEmpty);
    }

    [Fact]
    public void A_line_newer_than_the_listing_leaves_the_order_for_its_detail()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 1));

        Assert.Null(join.Offer(Item(id: 1, lineNumber: 1, "1001", modified: Listed.AddMinutes(1))));

        Assert.Equal(["1001"], join.Incomplete.Select(order => order.Id));
    }

    [Fact]
    public void Items_find_their_order_by_po_uuid_else_by_purchase_order_number_and_others_are_ignored()
    {
        var join = new PurchaseOrderLineJoin();
        join.Expect(Order("1001", itemCount: 1, uuid: Uuid));
        join.Expect(Order("1002", itemCount: 1));

        Assert.Null(join.Offer(Item(id: 9, lineNumber: 1, "1003")));
        Assert.Null(join.Offer(Item(id: 8, lineNumber: 1, "1001", poUuid: "another-uuid")));
        Assert.Equal("1001", join.Offer(Item(id: 1, lineNumber: 1, "9999", poUuid: Uuid))?.Order.Id);
        Assert.Equal("1002", join.Offer(Item(id: 2, lineNumber: 1, "1002"))?.Order.Id);
    }

    private static ListedPurchaseOrder Order(string id, int itemCount, string? uuid = null) =>
        new(id, JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["procurify_PO"] = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ["uuid"] = uuid, ["item_count"] = itemCount }), Listed);

    private static JsonElement Item(int id, int lineNumber, string purchaseOrderNumber, DateTimeOffset? modified = null, string? poUuid = null) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["PO_line_num"] = lineNumber,
            ["purchase_order_number"] = purchaseOrderNumber,
            ["PO"] = poUuid is null ? null : new Dictionary<string, object?> { ["uuid"] = poUuid },
            ["last_modified"] = (modified ?? Listed).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
}
