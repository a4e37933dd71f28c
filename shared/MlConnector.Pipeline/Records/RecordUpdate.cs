namespace MlConnector.Pipeline.Records;

/// <summary>
/// A stage's change to a record row plus the history row that records it. Only the fields set here are
/// written (a table merge), so a stage never erases what another stage recorded.
/// </summary>
public sealed record RecordUpdate
{
    public required string Stage { get; init; }

    public required RecordStatus Status { get; init; }

    public required string SourceVersion { get; init; }

    public required string CorrelationId { get; init; }

    public required int Attempt { get; init; }

    public DateTimeOffset? SourceModifiedAt { get; init; }

    public string? TargetId { get; init; }

    public string? WrittenVersion { get; init; }

    /// <summary>Null leaves the stored reason; an empty string clears it.</summary>
    public string? Reason { get; init; }

    public int? Attempts { get; init; }

    public bool? LastAttemptAmbiguous { get; init; }

    public string? Summary { get; init; }

    /// <summary>Null leaves the stored payload; an empty string clears it.</summary>
    public string? PendingPayload { get; init; }

    /// <summary>Null leaves the stored blob name; an empty string clears it.</summary>
    public string? PendingPayloadBlob { get; init; }

    /// <summary>Null leaves the stored document; an empty string clears it.</summary>
    public string? MappedDocument { get; init; }

    /// <summary>Null leaves the stored blob name; an empty string clears it.</summary>
    public string? MappedDocumentBlob { get; init; }

    /// <summary>Null leaves the stored list; an empty string clears it.</summary>
    public string? MissingMappings { get; init; }

    /// <summary>Takes the record's write claim (see <see cref="WriteClaim"/>); null leaves the claim as it is.</summary>
    public WriteClaim? TakesWriteClaim { get; init; }

    /// <summary>True releases the write claim (a written, handed-over or refused write).</summary>
    public bool ReleasesWriteClaim { get; init; }
}
