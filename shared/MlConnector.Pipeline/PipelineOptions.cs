using MlConnector.Core.Configuration;

namespace MlConnector.Pipeline;

/// <summary>Engine settings. Queue retry rules (max dequeue count, visibility timeout) come from host.json instead.</summary>
[ConfigurationSection("Pipeline")]
public sealed class PipelineOptions
{
    /// <summary>Prefix for every queue, table and container name; lets tests and several demos share one storage account. Default none.</summary>
    public string NamePrefix { get; set; } = string.Empty;

    /// <summary>
    /// A record mapped on its first pass is written to the target by the map stage itself, right after its Mapped update,
    /// instead of going through the write queue (which saves a queue send, a receive, a row read and a delete); a record
    /// whose write fails there, or that was redelivered, takes the write queue with its retries as before. Default true.
    /// </summary>
    public bool StraightThroughWrites { get; set; } = true;

    /// <summary>How long a mapping table stays cached in the map stage. Default 30 s.</summary>
    public int MappingCacheSeconds { get; set; } = 30;

    /// <summary>Messages sent at once while an intake enqueues a page. Default 16.</summary>
    public int IntakeConcurrency { get; set; } = 16;

    /// <summary>
    /// When above zero, an intake waits before admitting its next page while the map and write queues hold more than this
    /// many messages together, so a large backfill does not run far ahead of the stages (Azurite slows as its queues deepen).
    /// Only for hosts whose workers run beside the intake. Default 0: off.
    /// </summary>
    public int IntakeMaxBacklog { get; set; }

    /// <summary>
    /// When above zero, at most this many target calls per flow run at once in one instance, however many write
    /// messages the queue rules let in: the other messages do their storage work meanwhile, so a slow target stays
    /// busy up to this limit and a target that admits only N concurrent sessions (an X3 web service pool) is never
    /// asked for more. Default 0: bounded by the queue rules only.
    /// </summary>
    public int MaxConcurrentWrites { get; set; }

    /// <summary>
    /// How long a record may keep waiting for a busy target (429 or 503 with Retry-After, or an open circuit breaker)
    /// without spending its delivery attempts; after that its failures count towards poison again. Default 1440 (a day).
    /// </summary>
    public int MaxDeferralMinutes { get; set; } = 1440;

    /// <summary>
    /// A record row left in Received this long has lost its map message (its process died between the two writes) and is
    /// requeued by the next poll of its flow or maintenance sweep; a re-read of the same version within this time is not
    /// enqueued again. Default 600 (ten minutes).
    /// </summary>
    public int StalledIntakeSeconds { get; set; } = 600;

    /// <summary>
    /// How long a write holds its record's write claim (<see cref="Records.WriteClaim"/>): one write of a record at a time,
    /// so two versions written at once can neither both create the target record nor land out of order. The write's call
    /// is cut off 15 s before the claim lapses, and a runtime killed mid-write holds its records up for this long at most.
    /// Longer than a connector call with its retries (3 min by default). Default 240; at least 30.
    /// </summary>
    public int WriteClaimSeconds { get; set; } = 240;

    /// <summary>The write claim's duration, at least 30 s whatever the setting says.</summary>
    public TimeSpan WriteClaimDuration => TimeSpan.FromSeconds(Math.Max(30, WriteClaimSeconds));

    /// <summary>A stored webhook batch still in the inbox after this long was left by a process that stopped; the maintenance sweep forwards it. Default 120.</summary>
    public int InboxLeftoverSeconds { get; set; } = 120;

    /// <summary>Envelopes larger than this go to blob storage (claim check). Default 48,000 bytes: base64 makes 64 KB queue messages of them.</summary>
    public int ClaimCheckThresholdBytes { get; set; } = 48_000;
}
