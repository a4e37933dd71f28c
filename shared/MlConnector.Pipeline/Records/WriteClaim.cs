namespace MlConnector.Pipeline.Records;

/// <summary>
/// One write of a record to the target at a time. Two writes at once (a newer version admitted while the older one's
/// call is in flight, a redelivery while a slow call still runs, a runtime killed mid-write) could each create the
/// target record, or the older one land last and roll the target back. So a write first claims the record row: in the
/// conditional update that moves it to Mapped (a straight-through write) or a conditional merge (the write queue).
/// Another attempt finding a live claim waits; the write's outcome releases the claim; an unreleased claim lapses at
/// <see cref="Until"/>, before which its call is cut off, so a killed runtime holds a record up for one claim at most.
/// </summary>
public sealed record WriteClaim(string Id, string Version, DateTimeOffset Until)
{
    /// <summary>A fresh claim for one attempt at <paramref name="version"/>, held for <paramref name="duration"/>.</summary>
    public static WriteClaim Take(string version, DateTimeOffset now, TimeSpan duration) =>
        new(Guid.NewGuid().ToString("N"), version, now + duration);

    /// <summary>How long the claimant's call may run: a margin before the claim lapses, so no write lands after it.</summary>
    public TimeSpan CallBudget(DateTimeOffset now)
    {
        var left = Until - now - LapseMargin;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Room between a call being cut off and its claim lapsing (the cancelled call's own unwinding, clock drift).</summary>
    public static readonly TimeSpan LapseMargin = TimeSpan.FromSeconds(15);
}

public static class WriteClaimRules
{
    /// <summary>Another attempt (of any version) holds a live claim on the record: writing now could race it.</summary>
    public static bool HeldByAnother(this RecordEntity row, DateTimeOffset now) =>
        row.WriteClaimId is not null && row.WritingUntil > now;

    /// <summary>A claim was taken and never released: that write may have reached the target, so the next one looks first.</summary>
    public static bool LeftUnreleased(this RecordEntity row) => row.WriteClaimId is not null;
}
