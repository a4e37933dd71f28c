using System.Text.Json;

namespace MlConnector.Connectors.Stedi;

/// <summary>
/// One outbound X12 transaction for generate-edi: the partnership and transaction setting it goes through, its
/// set (850, 810) and the Guide JSON body. <see cref="RevisionPurposeCode"/> is the purpose code a re-sent version
/// carries instead of the original's (<c>04</c> change for an 850), set at <see cref="PurposeCodePath"/>.
/// <see cref="RepairDelimiters"/> asks Stedi to replace delimiter characters found in values.
/// </summary>
public sealed record StediOutboundDocument(
    string PartnershipId,
    string TransactionSettingId,
    string TransactionSetId,
    JsonElement Transaction,
    string? PurposeCodePath = null,
    string? RevisionPurposeCode = null,
    bool RepairDelimiters = false)
{
    public const string Kind = "stedi-edi";
}
