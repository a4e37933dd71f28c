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

    public static string RecordRowKey(string sourceKey) => RecordPrefix + TableKeys.Escape(sourceKey);

    public static string HistoryRowKey(string sourceKey, DateTimeOffset at, string stage, int attempt) =>
        $"{HistoryPrefix}{TableKeys.Escape(sourceKey)}|{at.UtcTicks:D19}|{stage}|{attempt}";

    public static string RecordRangeFilter => $"RowKey ge '{RecordPrefix}' and RowKey lt 'r{PrefixEnd}'";

    /// <summary>The record's archived history rows. Keys may hold quotes, so the bounds are OData literals built by the SDK.</summary>
    public static string HistoryRangeFilter(string sourceKey)
    {
        var start = $"{HistoryPrefix}{TableKeys.Escape(sourceKey)}|";
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
