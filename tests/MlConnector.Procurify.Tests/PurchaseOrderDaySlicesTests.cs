using MlConnector.Connectors.Procurify.Streams;

namespace MlConnector.Procurify.Tests;

/// <summary>The slicing alone, against orders spread over days: every day read once, slices bounded, few questions asked.</summary>
public sealed class PurchaseOrderDaySlicesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_window_that_fits_is_one_slice_asked_about_once()
    {
        var orders = OrdersPerDay(Today.AddDays(-1), days: 2, perDay: 300);

        var (slices, questions) = Walk(new PurchaseOrderDaySlices(Today.AddDays(-1), Today, targetOrders: 2_000), orders);

        Assert.Equal([new DaySlice(Today.AddDays(-1), null)], slices.Select(slice => slice.Slice));
        Assert.Equal(1, questions);
    }

    [Fact]
    public void A_first_sync_of_a_long_history_is_cut_newest_first_into_bounded_slices_that_cover_every_day_once()
    {
        // 10,000 orders, 24 a day, the newest 200 days ago.
        var orders = OrdersPerDay(Today.AddDays(-616), days: 417, perDay: 24);
        var slicer = new PurchaseOrderDaySlices(firstDay: null, Today, targetOrders: 2_000);

        var (slices, questions) = Walk(slicer, orders);

        Assert.Equal(orders.Values.Sum(), slices.Sum(slice => slice.Orders));
        Assert.All(slices, slice => Assert.InRange(slice.Orders, 0, slicer.MaxOrders));
        Assert.Null(slices[0].Slice.To);
        Assert.Null(slices[^1].Slice.From);
        for (var index = 1; index < slices.Count; index++)
        {
            Assert.Equal(slices[index - 1].Slice.From!.Value.AddDays(-1), slices[index].Slice.To);
        }

        Assert.InRange(questions - slices.Count, 1, 6);
    }

    [Fact]
    public void A_day_too_full_for_one_slice_is_still_read_whole()
    {
        var orders = OrdersPerDay(Today.AddDays(-3), days: 1, perDay: 9_000);
        var slicer = new PurchaseOrderDaySlices(Today.AddDays(-10), Today, targetOrders: 2_000);

        var (slices, _) = Walk(slicer, orders);

        Assert.Equal(9_000, slices.Sum(slice => slice.Orders));
        Assert.Contains(slices, slice => slice.Orders == 9_000 && slice.Slice.From == slice.Slice.To);
        Assert.Equal(Today.AddDays(-10), slices[^1].Slice.From);
    }

    /// <summary>Asks about each slice the way the stream does; returns the slices read and how many were asked about.</summary>
    private static (List<(DaySlice Slice, int Orders)> Read, int Questions) Walk(PurchaseOrderDaySlices slicer, Dictionary<DateOnly, int> orders)
    {
        var read = new List<(DaySlice, int)>();
        var questions = 0;
        while (slicer.Current is { } slice)
        {
            Assert.InRange(++questions, 1, 200);
            var count = orders.Where(day => (slice.From is null || day.Key >= slice.From) && (slice.To is null || day.Key <= slice.To)).Sum(day => day.Value);
            if (slicer.Accept(count))
            {
                read.Add((slice, count));
            }
        }

        return (read, questions);
    }

    private static Dictionary<DateOnly, int> OrdersPerDay(DateOnly first, int days, int perDay) =>
        Enumerable.Range(0, days).ToDictionary(offset => first.AddDays(offset), _ => perDay);
}
