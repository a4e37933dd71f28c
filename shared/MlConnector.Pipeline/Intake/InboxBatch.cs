using MlConnector.Core.Flows;

namespace MlConnector.Pipeline.Intake;

/// <summary>Verified webhook records of one flow stored together in one inbox blob.</summary>
public sealed record InboxBatch(string BlobName, string Flow, IReadOnlyList<SourceRecord> Records);
