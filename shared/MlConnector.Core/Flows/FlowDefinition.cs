namespace MlConnector.Core.Flows;

/// <summary>
/// A flow is a declared pair: a source (a polled stream or a webhook) and a target sink, with the mapping
/// rules between them. One small file per flow declares it; the engine runs every flow the same way.
/// </summary>
public sealed class FlowDefinition
{
    /// <summary>Lower-case, dash-separated, e.g. <c>procurify-x3</c>. Used in CLI commands, table keys and logs.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string SourceSystem { get; init; }

    public required string TargetSystem { get; init; }

    /// <summary>The app setting holding the NCRONTAB schedule (six fields), shared by the Functions timer and the local runtime.</summary>
    public string? ScheduleSetting { get; init; }

    public string DefaultSchedule { get; init; } = "0 0 * * * *";

    /// <summary>Creates the polled source; null for a webhook flow.</summary>
    public Func<IServiceProvider, ISourceStream>? Source { get; init; }

    /// <summary>Verifies and reads webhook deliveries; null for a polled flow.</summary>
    public Func<IServiceProvider, IWebhookSource>? Webhook { get; init; }

    public required Func<IServiceProvider, IRecordMapper> Mapper { get; init; }

    public required Func<IServiceProvider, ITargetSink> Sink { get; init; }

    public bool IsPolled => Source is not null;
}
