using MlConnector.Pipeline.Hosting;
using Spectre.Console;

namespace MlConnector.Cli.Bench;

/// <summary>What the numbers mean, printed under them so a reader of a pasted run needs nothing else.</summary>
public static class BenchNotes
{
    public static void Print(QueueRules instantRules, int slowSinkWriteConcurrency)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]How to read this[/]");
        foreach (var line in new[]
        {
            "Records/s: records Written (record row updated after the sink answered) / time from the poll's start to the last one; the map and write workers run while the poll enqueues, as in the runtime.",
            "Storage operations: every HTTP request the pipeline's queue, table and blob clients sent in that time (StorageOperationCounter), idle queue polls included.",
            "Share of the raw ceiling: the pipeline's storage operations per second / the reference ceiling measured on the same fresh Azurite just before the run. Judged only where storage is the limit (instant sink). \"Records/s the ceiling allows\" = ceiling / storage ops per record: what this Azurite permits at this cost.",
            "Latency: from the moment the source built the record's page (stamped into the payload and carried to the target document) to the sink's call; it includes the wait in both queues.",
            $"Queue rules (batchSize + newBatchThreshold): both runs use host.json's {instantRules.BatchSize} + {instantRules.NewBatchThreshold}, up to {instantRules.BatchSize + instantRules.NewBatchThreshold} messages in flight per queue. The 100 ms sink also caps sink calls at {slowSinkWriteConcurrency} (Pipeline__MaxConcurrentWrites): the messages beyond that do their storage work while the sink is busy.",
            "Peak working set: this process only (sampled every 100 ms after a full GC); Azurite and the simulators' storage run in their own process or are not counted.",
            "External API calls: requests journaled by the Procurify and Sage X3 simulators during the run, OAuth token requests reported apart.",
        })
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {line}");
        }
    }
}
