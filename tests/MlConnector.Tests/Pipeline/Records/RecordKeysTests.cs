using System.Globalization;
using MlConnector.Pipeline.Records;

namespace MlConnector.Tests.Pipeline.Records;

public sealed class RecordKeysTests
{
    /// <summary>
    /// Rows already stored live in these partitions: a different bucket after an upgrade would orphan them.
    /// Expected values are FNV-1a (32-bit, UTF-8) computed independently of the product code.
    /// </summary>
    [Theory]
    [InlineData("PO/2024#7", 16, 3)]
    [InlineData("1042", 16, 6)]
    [InlineData("000000123", 16, 3)]
    [InlineData("POH-2024-000123", 16, 10)]
    [InlineData("", 16, 5)]
    [InlineData("PO/2024#7", 7, 0)]
    [InlineData("1042", 7, 4)]
    [InlineData("POH-2024-000123", 7, 3)]
    public void A_key_always_lands_in_the_same_bucket(string sourceKey, int buckets, int expectedBucket)
    {
        Assert.Equal(expectedBucket, new RecordKeys(buckets).Bucket(sourceKey));
    }

    [Fact]
    public void The_partition_key_names_the_flow_and_the_bucket()
    {
        Assert.Equal("procurify-x3~03", new RecordKeys(16).PartitionKey("procurify-x3", "PO/2024#7"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(99)]
    public void Every_bucket_is_within_range_and_has_a_partition(int buckets)
    {
        var keys = new RecordKeys(buckets);
        var partitions = keys.Partitions("flow").ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < 2_000; i++)
        {
            var sourceKey = $"ORD-{i}-Zürich-{i * 7919}";
            var bucket = keys.Bucket(sourceKey);
            Assert.InRange(bucket, 0, buckets - 1);
            Assert.Contains(keys.PartitionKey("flow", sourceKey), partitions);
        }

        Assert.Equal(buckets, partitions.Count);
    }

    public static TheoryData<string, Func<int, string>> KeyShapes => new()
    {
        { "Procurify numeric ids", i => (i + 1).ToString(CultureInfo.InvariantCulture) },
        { "Adobe increment ids", i => (100_000_001 + i).ToString("D9", CultureInfo.InvariantCulture) },
        { "X3 order numbers", i => $"POH-2024-{i:D6}" },
        { "GUIDs", i => new Guid(i, 0x1234, 0x5678, 9, 8, 7, 6, 5, 4, 3, 2).ToString() },
    };

    [Theory]
    [MemberData(nameof(KeyShapes))]
    public void Ten_thousand_keys_spread_evenly_over_sixteen_buckets(string shape, Func<int, string> keyOf)
    {
        var keys = new RecordKeys(16);
        var counts = new int[16];

        for (var i = 0; i < 10_000; i++)
        {
            counts[keys.Bucket(keyOf(i))]++;
        }

        var mean = 10_000 / 16.0;
        Assert.True(
            counts.All(count => count >= mean * 0.7 && count <= mean * 1.3),
            $"{shape}: bucket counts {string.Join(", ", counts)} stray more than 30% from the mean {mean}");
    }
}
