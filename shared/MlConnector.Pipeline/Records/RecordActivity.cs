using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// A flow's records by status: all of them, those that reached their status in the last 24 hours and 7 days, and per
/// hour over the last day (records written, rejected or failed by the hour of their last change). One scan of the
/// flow's record rows reading two columns, as `mlc status` already does for its counts.
/// </summary>
public sealed class RecordActivity(PipelineStorage storage, TimeProvider time)
{
    public async Task<FlowActivity> ReadAsync(string flow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var statuses = Enum.GetValues<RecordStatus>();
        var all = statuses.ToDictionary(s => s, _ => 0);
        var day = statuses.ToDictionary(s => s, _ => 0);
        var week = statuses.ToDictionary(s => s, _ => 0);
        var hours = Enumerable.Range(0, 24).Select(i => new HourlyCounts(HourStart(now).AddHours(i - 23), 0, 0)).ToArray();
        var filter = $"{RecordKeys.FlowPartitionsFilter(flow)} and {RecordKeys.RecordRangeFilter}";
        await foreach (var row in storage.Records.QueryAsync<TableEntity>(filter, select: [nameof(RecordEntity.Status), nameof(RecordEntity.UpdatedAt)], cancellationToken: cancellationToken))
        {
            var status = Enum.Parse<RecordStatus>(row.GetString(nameof(RecordEntity.Status)));
            var at = row.GetDateTimeOffset(nameof(RecordEntity.UpdatedAt)) ?? default;
            all[status]++;
            var age = now - at;
            if (age <= TimeSpan.FromDays(7))
            {
                week[status]++;
            }

            if (age <= TimeSpan.FromDays(1))
            {
                day[status]++;
                var index = 23 - (int)Math.Floor((HourStart(now) - HourStart(at)).TotalHours);
                if (index is >= 0 and < 24)
                {
                    hours[index] = status switch
                    {
                        RecordStatus.Written => hours[index] with { Written = hours[index].Written + 1 },
                        RecordStatus.Rejected or RecordStatus.Failed => hours[index] with { NeedAttention = hours[index].NeedAttention + 1 },
                        _ => hours[index],
                    };
                }
            }
        }

        return new FlowActivity(flow, all, day, week, hours);
    }

    /// <summary>How many records this connector knows whose source changed at or after <paramref name="since"/> (all, with null), and how many of them are written.</summary>
    public async Task<(int Known, int Written)> ChangedSinceAsync(string flow, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var known = 0;
        var written = 0;
        var filter = $"{RecordKeys.FlowPartitionsFilter(flow)} and {RecordKeys.RecordRangeFilter}";
        await foreach (var row in storage.Records.QueryAsync<TableEntity>(filter, select: [nameof(RecordEntity.Status), nameof(RecordEntity.SourceModifiedAt)], cancellationToken: cancellationToken))
        {
            if (since is null || row.GetDateTimeOffset(nameof(RecordEntity.SourceModifiedAt)) is not { } modified || modified >= since)
            {
                known++;
                written += row.GetString(nameof(RecordEntity.Status)) == nameof(RecordStatus.Written) ? 1 : 0;
            }
        }

        return (known, written);
    }

    private static DateTimeOffset HourStart(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}

public sealed record FlowActivity(
    string Flow,
    IReadOnlyDictionary<RecordStatus, int> All,
    IReadOnlyDictionary<RecordStatus, int> LastDay,
    IReadOnlyDictionary<RecordStatus, int> LastWeek,
    IReadOnlyList<HourlyCounts> Hours);

/// <param name="NeedAttention">Records rejected or failed whose last change fell in the hour.</param>
public sealed record HourlyCounts(DateTimeOffset Hour, int Written, int NeedAttention);
