namespace MlConnector.Runtime;

/// <summary>
/// Settings of the local runtime only (section <c>LocalRuntime</c>); the Functions host has its own equivalents
/// (the 30-second drain on shutdown, its own message leases).
/// </summary>
public sealed class LocalRuntimeOptions
{
    public const string SectionName = "LocalRuntime";

    /// <summary>After a stop signal, how long messages already being handled may run before they are given up and released to the queue. Default 30 s, the Functions host's own.</summary>
    public int StopGraceSeconds { get; set; } = 30;

    /// <summary>
    /// How long a received message stays hidden from other runtimes; it is renewed while its stage runs. A runtime killed
    /// outright leaves its messages hidden at most this long. Default 60 s.
    /// </summary>
    public int MessageLeaseSeconds { get; set; } = 60;

    public TimeSpan StopGrace => TimeSpan.FromSeconds(Math.Max(0, StopGraceSeconds));

    public TimeSpan MessageLease => TimeSpan.FromSeconds(Math.Clamp(MessageLeaseSeconds, 5, 3600));
}
