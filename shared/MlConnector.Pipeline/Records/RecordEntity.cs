using Azure;
using Azure.Data.Tables;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// One row per (flow, source record): the idempotency ledger and the audit trail's current state.
/// <see cref="WrittenVersion"/> is the source version last written to the target; a message for that version is a duplicate.
/// The row also holds its newest history entries (<see cref="InlineHistory"/>), which this view leaves out.
/// </summary>
public sealed class RecordEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Flow { get; set; } = string.Empty;

    public string SourceKey { get; set; } = string.Empty;

    public string Status { get; set; } = nameof(RecordStatus.Received);

    public string SourceVersion { get; set; } = string.Empty;

    public DateTimeOffset? SourceModifiedAt { get; set; }

    public string? WrittenVersion { get; set; }

    public string? TargetId { get; set; }

    /// <summary>Why the record is rejected or failed, or what the last failed attempt said.</summary>
    public string? Reason { get; set; }

    public int Attempts { get; set; }

    /// <summary>True when the last write attempt may have reached the target (timeout, dropped connection).</summary>
    public bool LastAttemptAmbiguous { get; set; }

    public string CorrelationId { get; set; } = string.Empty;

    /// <summary>The target document's one-line summary once mapped, for `mlc status` and audits.</summary>
    public string? Summary { get; set; }

    /// <summary>
    /// The record's source payload as last received (inline when small), kept so a reject can be retried without the
    /// source and an operator can see what came in.
    /// </summary>
    public string? PendingPayload { get; set; }

    /// <summary>The record's large source payload, kept in blob storage.</summary>
    public string? PendingPayloadBlob { get; set; }

    /// <summary>The target document the map stage produced (JSON, inline when small): what was, or will be, sent.</summary>
    public string? MappedDocument { get; set; }

    /// <summary>A large mapped document, kept in blob storage.</summary>
    public string? MappedDocumentBlob { get; set; }

    /// <summary>Mapping rows the map stage looked for and missed while rejecting the record (JSON; see <see cref="MissingMapping"/>).</summary>
    public string? MissingMappings { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The version whose write to the target holds the record's write claim (see <see cref="WriteClaim"/>), or null.</summary>
    public string? WritingVersion { get; set; }

    /// <summary>Which attempt holds the write claim: a second delivery of the same version waits for it too.</summary>
    public string? WriteClaimId { get; set; }

    /// <summary>When the write claim of <see cref="WritingVersion"/> lapses; its call is cut off before then.</summary>
    public DateTimeOffset? WritingUntil { get; set; }

    public RecordStatus StatusValue => Enum.Parse<RecordStatus>(Status);

    /// <summary>Merges cannot delete a property, so cleared text is stored empty and read back as null.</summary>
    public static RecordEntity From(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        ETag = row.ETag,
        Flow = row.GetString(nameof(Flow)) ?? string.Empty,
        SourceKey = row.GetString(nameof(SourceKey)) ?? string.Empty,
        Status = row.GetString(nameof(Status)) ?? nameof(RecordStatus.Received),
        SourceVersion = row.GetString(nameof(SourceVersion)) ?? string.Empty,
        SourceModifiedAt = row.GetDateTimeOffset(nameof(SourceModifiedAt)),
        WrittenVersion = Text(row, nameof(WrittenVersion)),
        TargetId = Text(row, nameof(TargetId)),
        Reason = Text(row, nameof(Reason)),
        Attempts = row.GetInt32(nameof(Attempts)) ?? 0,
        LastAttemptAmbiguous = row.GetBoolean(nameof(LastAttemptAmbiguous)) ?? false,
        CorrelationId = row.GetString(nameof(CorrelationId)) ?? string.Empty,
        Summary = Text(row, nameof(Summary)),
        PendingPayload = Text(row, nameof(PendingPayload)),
        PendingPayloadBlob = Text(row, nameof(PendingPayloadBlob)),
        MappedDocument = Text(row, nameof(MappedDocument)),
        MappedDocumentBlob = Text(row, nameof(MappedDocumentBlob)),
        MissingMappings = Text(row, nameof(MissingMappings)),
        UpdatedAt = row.GetDateTimeOffset(nameof(UpdatedAt)) ?? default,
        WritingVersion = Text(row, nameof(WritingVersion)),
        WriteClaimId = Text(row, nameof(WriteClaimId)),
        WritingUntil = row.GetDateTimeOffset(nameof(WritingUntil)),
    };

    private static string? Text(TableEntity row, string name) => row.GetString(name) is { Length: > 0 } text ? text : null;
}
