using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;

namespace MlConnector.OperatorConsole.Data;

/// <summary>
/// Records of one flow that need attention for one reason (<see cref="RejectReason"/>): forty orders of a vendor
/// with no X3 supplier are one group with a count, one fix and one reprocess.
/// </summary>
public sealed record AttentionGroup(
    string Flow,
    string Key,
    RecordStatus Status,
    string Reason,
    IReadOnlyList<MissingMapping> Missing,
    IReadOnlyList<RecordEntity> Records,
    bool Acknowledged)
{
    public DateTimeOffset Newest => Records.Max(r => r.UpdatedAt);

    public DateTimeOffset Oldest => Records.Min(r => r.UpdatedAt);

    /// <summary>A stable short id for the group in links and forms (the key itself can be long).</summary>
    public string Id => GroupId(Flow, Key);

    public static string GroupId(string flow, string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{flow}\n{key}")))[..16];
}
