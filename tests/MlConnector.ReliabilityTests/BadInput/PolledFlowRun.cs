using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// One scheduled poll of a flow through its real source stream in this process, then the wait for the running `mlc run`
/// to map (and write) every record it admitted; each case then ends as the records keyed for it did.
/// </summary>
internal static class PolledFlowRun
{
    /// <summary>The flow's records once all are settled (or <paramref name="patience"/> ran out); null with the error when the poll itself failed.</summary>
    public static async Task<(IReadOnlyList<RecordEntity> Records, string? PollError)> PollAsync(ReliabilityWorld world, string flow, TimeSpan patience)
    {
        try
        {
            await world.Services.GetRequiredService<FlowPoller>().RunAsync(flow, PollOptions.Scheduled, progress: null, CancellationToken.None);
        }
        catch (Exception poll)
        {
            return ([], $"{poll.GetType().Name}: {poll.Message}");
        }

        var deadline = DateTimeOffset.UtcNow + patience;
        List<RecordEntity> records;
        do
        {
            records = [];
            await foreach (var record in world.Records.QueryAsync(flow, null, CancellationToken.None))
            {
                records.Add(record);
            }

            if (records.All(record => record.StatusValue is RecordStatus.Rejected or RecordStatus.Written or RecordStatus.Failed))
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTimeOffset.UtcNow < deadline);

        return (records, null);
    }

    /// <summary>How a case ended: as its records did (<c>rejected</c>, <c>written</c>, ...), or <c>lost (no record)</c>.</summary>
    public static CaseResult Result(CorpusCase corpusCase, IReadOnlyList<RecordEntity> mine)
    {
        if (mine.Count == 0)
        {
            return new CaseResult(corpusCase, "lost (no record)", null, string.Empty);
        }

        var outcome = string.Join('+', mine.Select(record => record.StatusValue switch
        {
            RecordStatus.Rejected => "rejected",
            RecordStatus.Written => "written",
            RecordStatus.Failed => "failed",
            var other => $"stuck in {other}",
        }).Distinct().Order(StringComparer.Ordinal));
        return new CaseResult(corpusCase, outcome, null, string.Join(" | ", mine.Select(record => record.Reason).Where(reason => !string.IsNullOrEmpty(reason))));
    }
}
