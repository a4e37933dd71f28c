namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Cuts a poll's day window into slices read one after the other, each holding about a target number of purchase
/// orders and at most twice that. A slice's listed orders wait in memory until its order items have been read
/// (items come in no order that would let an order finish sooner), so the slice is what bounds memory; each slice's
/// list and items are read once, so cutting costs only the few calls that size the slices.
/// <para>
/// The first slice tried is the whole window: a scheduled poll's changes fit in it and cost nothing extra. Past
/// that, slices are cut from the newest day back, because a first sync knows no earliest day, only today. Page 1 of
/// a slice's list tells how many orders it holds: a cut that is too full is halved and asked again, and the next
/// cut's length follows the last one's density.
/// </para>
/// </summary>
public sealed class PurchaseOrderDaySlices
{
    private const int FirstCutDays = 7;
    private const int MaxGrowth = 8;

    private readonly DateOnly? _firstDay;
    private readonly DateOnly _newestDay;
    private readonly int _targetOrders;
    private DateOnly? _upper;
    private int _cutDays = FirstCutDays;
    private int? _remaining;

    /// <param name="firstDay">The window's first day; null reads all history.</param>
    /// <param name="today">Today in UTC.</param>
    public PurchaseOrderDaySlices(DateOnly? firstDay, DateOnly today, int targetOrders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetOrders, 1);
        _firstDay = firstDay;

        // A tenant east of UTC may already be on the next day.
        _newestDay = today.AddDays(1);
        _targetOrders = targetOrders;
        Current = Rest;
    }

    /// <summary>A slice is cut again when it holds more than this (unless it is one day).</summary>
    public int MaxOrders => 2 * _targetOrders;

    /// <summary>The slice to read next; null once the window is done.</summary>
    public DaySlice? Current { get; private set; }

    /// <summary>Everything not read yet: from the window's first day to the day before the last slice read.</summary>
    private DaySlice Rest => new(_firstDay, _upper);

    /// <summary>
    /// Told how many orders <see cref="Current"/> holds: true to read it (and <see cref="Current"/> moves on to the
    /// next slice), false when it was too full and <see cref="Current"/> is now a smaller slice to ask about instead.
    /// </summary>
    public bool Accept(int orders)
    {
        var slice = Current ?? throw new InvalidOperationException("The window has been read.");
        var isRest = slice == Rest;
        if (orders > MaxOrders && Smaller(isRest, orders) is { } smaller)
        {
            Current = smaller;
            return false;
        }

        MovePast(slice, isRest, orders);
        return true;
    }

    private DaySlice? Smaller(bool isRest, int orders)
    {
        if (isRest)
        {
            _remaining = orders;
        }
        else if (_cutDays > 1)
        {
            _cutDays /= 2;
        }
        else
        {
            return null;
        }

        // A cut as long as the rest would be the rest again: shorten it, down to one day (read whole however full).
        while (Cut() is null && _cutDays > 1)
        {
            _cutDays /= 2;
        }

        return Cut();
    }

    private void MovePast(DaySlice slice, bool isRest, int orders)
    {
        if (isRest)
        {
            Current = null;
            return;
        }

        _upper = slice.From!.Value.AddDays(-1);
        _cutDays = (int)Math.Clamp((long)_cutDays * _targetOrders / Math.Max(orders, 1), 1, (long)_cutDays * MaxGrowth);

        // After an empty cut the old count of the rest is not trusted (orders changed meanwhile have left it for
        // today): asking again costs one call and ends the walk as soon as little is left.
        _remaining = orders == 0 ? null : _remaining - orders;
        Current = _remaining is null || _remaining <= MaxOrders ? Rest : Cut() ?? Rest;
    }

    /// <summary>The newest <see cref="_cutDays"/> days of the rest; null when that would be the whole rest.</summary>
    private DaySlice? Cut()
    {
        var upper = _upper ?? _newestDay;
        var from = (long)upper.DayNumber + 1 - _cutDays;
        return from <= (_firstDay ?? DateOnly.MinValue).DayNumber ? null : new DaySlice(DateOnly.FromDayNumber((int)from), _upper);
    }
}
