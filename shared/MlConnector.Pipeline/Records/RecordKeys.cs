using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Where a record's rows live. Each record has a table partition of its own, holding its row ("r|") and its archived
/// history rows ("h|"), so a point read, a merge or a history move touches one small partition however many records
/// the table holds (Azurite scans the partition a point operation names; Azure spreads partitions over servers). The
/// partition key starts with the flow, then four hex digits of a hash of the key (so sequential ids do not pile onto one
/// range of Azure's partition servers), then the stored key: "procurify-x3~k1f3a~1042".
/// Rows written before this layout sit in 16 hash-bucket partitions per flow ("procurify-x3~03"); `mlc records migrate`
/// moves them (<see cref="RecordPartitionMigration"/>).
/// </summary>
public sealed class RecordKeys
{
    public const string RecordPrefix = "r|";
    public const string HistoryPrefix = "h|";

    /// <summary>The first character after '|', so "r|" up to "r}" spans every record row.</summary>
    private const char PrefixEnd = '}';

    /// <summary>Marks this layout's partitions: "&lt;flow&gt;~k…". The old bucket partitions have two digits there.</summary>
    private const string PartitionMarker = "~k";

    public string PartitionKey(string flow, string sourceKey) =>
        $"{TableKeys.Escape(flow)}{PartitionMarker}{Spread(sourceKey):x4}~{StoredKey(sourceKey)}";

    /// <summary>Every record partition of the flow (a range of partition keys), for scans by status.</summary>
    public static string FlowPartitionsFilter(string flow)
    {
        var start = TableKeys.Escape(flow) + PartitionMarker;
        return TableClient.CreateQueryFilter($"PartitionKey ge {start} and PartitionKey lt {start[..^1] + (char)(start[^1] + 1)}");
    }

    /// <summary>The flow's partitions of the old layout, "&lt;flow&gt;~00" to "&lt;flow&gt;~98".</summary>
    public static string LegacyPartitionsFilter(string flow)
    {
        var start = TableKeys.Escape(flow) + "~0";
        var end = TableKeys.Escape(flow) + "~:";
        return TableClient.CreateQueryFilter($"PartitionKey ge {start} and PartitionKey lt {end}");
    }

    /// <summary>Longest source key admitted as a record; real ids are far shorter. Longer keys are rejected with the reason.</summary>
    public const int MaxSourceKeyLength = 256;

    /// <summary>Table keys hold 1 KiB (512 UTF-16 characters); history row keys add about 40 to the stored key, partition keys the flow and 7.</summary>
    private const int MaxStoredKeyLength = 400;

    public static string RecordRowKey(string sourceKey) => RecordPrefix + StoredKey(sourceKey);

    public static string HistoryRowKey(string sourceKey, DateTimeOffset at, string stage, int attempt) =>
        $"{HistoryPrefix}{StoredKey(sourceKey)}|{at.UtcTicks:D19}|{stage}|{attempt}";

    /// <summary>
    /// The source key as table keys and blob names hold it: escaped, or for a key too long for a table key its start
    /// and a hash, so even a refused record has a row to carry the reason ('~' never occurs in an escaped key).
    /// </summary>
    public static string StoredKey(string sourceKey)
    {
        var escaped = TableKeys.Escape(sourceKey);
        if (escaped.Length <= MaxStoredKeyLength)
        {
            return escaped;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceKey)))[..32];
        return $"{escaped[..200]}~{hash}";
    }

    /// <summary>Why a source key cannot identify a record (empty, too long, control characters), or null when it can.</summary>
    public static string? KeyProblem(string sourceKey)
    {
        if (string.IsNullOrWhiteSpace(sourceKey))
        {
            return "the record has no key";
        }

        if (sourceKey.Length > MaxSourceKeyLength)
        {
            return $"the record key is {sourceKey.Length} characters long; at most {MaxSourceKeyLength} are accepted";
        }

        foreach (var c in sourceKey)
        {
            if (char.IsControl(c))
            {
                return $"the record key holds the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    public static string RecordRangeFilter => $"RowKey ge '{RecordPrefix}' and RowKey lt 'r{PrefixEnd}'";

    /// <summary>The record's archived history rows. Keys may hold quotes, so the bounds are OData literals built by the SDK.</summary>
    public static string HistoryRangeFilter(string sourceKey)
    {
        var start = $"{HistoryPrefix}{StoredKey(sourceKey)}|";
        var end = start[..^1] + PrefixEnd;
        return TableClient.CreateQueryFilter($"RowKey ge {start} and RowKey lt {end}");
    }

    /// <summary>16 bits of FNV-1a over UTF-8: stable across processes and versions, unlike string.GetHashCode.</summary>
    public static int Spread(string sourceKey)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sourceKey))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)((hash ^ (hash >> 16)) & 0xFFFF);
    }
}
