using System.Text.Json.Nodes;

namespace MlConnector.Simulators.Stedi.Model;

/// <summary>An X12 partnership between the account's local profile and a trading partner's profile.</summary>
public sealed record SimPartnership(string PartnershipId, string LocalProfileId, string PartnerProfileId, string LocalIsaId, string PartnerIsaId, string LocalQualifier = "ZZ", string PartnerQualifier = "ZZ")
{
    public List<SimTransactionSetting> TransactionSettings { get; } = [];
}

/// <summary>
/// A transaction setting: one X12 transaction set, one direction, validated by one guide: the guide's JSON Schema when
/// <paramref name="GuideSchema"/> is set, else the plain X12 <paramref name="Release"/> (whose envelope values it also sets).
/// </summary>
public sealed record SimTransactionSetting(string TransactionSettingId, string TransactionSetId, string Direction, string GuideId, string Release = "004010", JsonObject? GuideSchema = null);

/// <summary>A processed transaction: its parsed Guide JSON (the output artifact) and its X12 (the input artifact).</summary>
public sealed record SimTransaction(
    string TransactionId,
    string Direction,
    string TransactionSetId,
    string PartnershipId,
    string TransactionSettingId,
    string FileExecutionId,
    DateTimeOffset ProcessedAt,
    JsonObject Output,
    string Edi,
    JsonObject Metadata);

/// <summary>One generate-edi call that produced an interchange: what a trading partner would receive.</summary>
public sealed record SimInterchange(string PartnershipId, string? IdempotencyKey, string FileExecutionId, string Edi, JsonObject Request, DateTimeOffset At);

/// <summary>One attempt to deliver an event to the webhook destination.</summary>
public sealed record SimDelivery(string EventId, string TransactionId, int Attempt, int? Status, string? Failure, DateTimeOffset At);
