using System.Text.Json.Nodes;

namespace MlConnector.Simulators.Stedi.Model;

/// <summary>An X12 partnership between the account's local profile and a trading partner's profile.</summary>
public sealed record SimPartnership(string PartnershipId, string LocalProfileId, string PartnerProfileId, string LocalIsaId, string PartnerIsaId)
{
    public List<SimTransactionSetting> TransactionSettings { get; } = [];
}

/// <summary>A transaction setting: one X12 transaction set, one direction, validated by one guide.</summary>
public sealed record SimTransactionSetting(string TransactionSettingId, string TransactionSetId, string Direction, string GuideId, string Release = "004010");

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
    string Edi);

/// <summary>One generate-edi call that produced an interchange: what a trading partner would receive.</summary>
public sealed record SimInterchange(string PartnershipId, string? IdempotencyKey, string FileExecutionId, string Edi, JsonObject Request, DateTimeOffset At);

/// <summary>One attempt to deliver an event to the webhook destination.</summary>
public sealed record SimDelivery(string EventId, string TransactionId, int Attempt, int? Status, string? Failure, DateTimeOffset At);
