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
            "Storage operations: every HTTP request the pipeline's queue, table and blob clients sent in that time, counted by a policy on the Azure SDK clients (StorageOperationCounter) and listed by kind per record; idle queue polls and backlog checks included.",
            "Ceiling: measured on the same fresh Azurite just before and just after each run, after a warm-up: queue send-receive-delete cycles on a shallow queue and table upserts of one row per partition, the mean of the best two rates. Share of the ceiling = the run's storage operations per second / the mean of the before and after ceilings (drift = how far those two differ; the machine is shared). Judged only where storage is the limit (instant sink). \"Records/s the ceiling allows\" = ceiling / storage ops per record.",
            "Share of the sink's capacity (100 ms sink): records/s / (write concurrency / call time); beside the share of the storage ceiling it shows which of the two binds.",
            "Scale (--sizes): the instant-sink run at each size on a fresh Azurite; each larger run's records/s against the smallest's, and the same per unit of each run's own ceiling.",
            "Latency: from the moment the source built the record's page (stamped into the payload and carried to the target document) to the sink's call; it includes the wait in the map queue.",
            $"Queue rules (batchSize + newBatchThreshold): both runs use host.json's {instantRules.BatchSize} + {instantRules.NewBatchThreshold}, up to {instantRules.BatchSize + instantRules.NewBatchThreshold} messages in flight per queue. A record mapped on its first pass is written by the map stage itself (Pipeline__StraightThroughWrites); the 100 ms sink also caps sink calls at {slowSinkWriteConcurrency} (Pipeline__MaxConcurrentWrites): the messages beyond that do their storage work while the sink is busy.",
            "Peak working set: this process only (sampled every 100 ms after a full GC); Azurite and the simulators' storage run in their own process or are not counted.",
            "External API calls: requests journaled by the Procurify and Sage X3 simulators during the run, OAuth token requests reported apart.",
        })
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]-[/] {line}");
        }
    }
}
