using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Records;

/// <summary>
/// Where a record's rows live. A flow's rows spread over hash buckets (one table partition serves about
/// 2,000 entities/s), record rows start with "r|" and history rows with "h|" so each kind reads as a range.
/// </summary>
public sealed class RecordKeys(int buckets)
{
    public const string RecordPrefix = "r|";
    public const string HistoryPrefix = "h|";

    /// <summary>The first character after '|', so "r|" up to "r}" spans every record row.</summary>
    private const char PrefixEnd = '}';

    public int Buckets { get; } = buckets;

    public string PartitionKey(string flow, string sourceKey) => BucketPartition(flow, Bucket(sourceKey));

    public string BucketPartition(string flow, int bucket) => $"{TableKeys.Escape(flow)}~{bucket:D2}";

    public IEnumerable<string> Partitions(string flow) => Enumerable.Range(0, Buckets).Select(bucket => BucketPartition(flow, bucket));

    /// <summary>Longest source key admitted as a record; real ids are far shorter. Longer keys are rejected with the reason.</summary>
    public const int MaxSourceKeyLength = 256;

    /// <summary>Table keys hold 1 KiB (512 UTF-16 characters); history row keys add about 40 to the stored key.</summary>
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

    /// <summary>FNV-1a over UTF-8: stable across processes and versions, unlike string.GetHashCode.</summary>
    public int Bucket(string sourceKey)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sourceKey))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)Buckets);
    }
}
