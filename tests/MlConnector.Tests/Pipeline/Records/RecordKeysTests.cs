using System.Globalization;
using MlConnector.Pipeline.Records;

namespace MlConnector.Tests.Pipeline.Records;

public sealed class RecordKeysTests
{
    /// <summary>
    /// Rows already stored live in these partitions: a different partition after an upgrade would orphan them.
    /// Expected spreads are FNV-1a (32-bit, UTF-8, high half folded onto the low half) computed independently of the product code.
    /// </summary>
    [Theory]
    [InlineData("PO/2024#7", "procurify-x3~k6360~PO%2F2024%237")]
    [InlineData("1042", "procurify-x3~k68cb~1042")]
    [InlineData("000000123", "procurify-x3~kf59e~000000123")]
    [InlineData("POH-2024-000123", "procurify-x3~k829e~POH-2024-000123")]
    public void A_key_always_lands_in_the_same_partition_of_its_own(string sourceKey, string expectedPartition)
    {
        Assert.Equal(expectedPartition, new RecordKeys().PartitionKey("procurify-x3", sourceKey));
    }

    [Fact]
    public void Partitions_of_this_layout_never_collide_with_the_bucket_partitions_of_the_old_one()
    {
        var keys = new RecordKeys();

        // A source key that looks like an old bucket number still gets a partition of the new shape.
        var partition = keys.PartitionKey("flow", "07");

        Assert.StartsWith("flow~k", partition, StringComparison.Ordinal);
        Assert.NotEqual("flow~07", partition);
    }

    public static TheoryData<string, Func<int, string>> KeyShapes => new()
    {
        { "Procurify numeric ids", i => (i + 1).ToString(CultureInfo.InvariantCulture) },
        { "Adobe increment ids", i => (100_000_001 + i).ToString("D9", CultureInfo.InvariantCulture) },
        { "X3 order numbers", i => $"POH-2024-{i:D6}" },
        { "GUIDs", i => new Guid(i, 0x1234, 0x5678, 9, 8, 7, 6, 5, 4, 3, 2).ToString() },
    };

    /// <summary>Sequential ids must not crowd one range of Azure's partition servers: the hash prefix spreads them.</summary>
    [Theory]
    [MemberData(nameof(KeyShapes))]
    public void Ten_thousand_keys_spread_evenly_over_the_hash_prefixes(string shape, Func<int, string> keyOf)
    {
        var counts = new int[16];

        for (var i = 0; i < 10_000; i++)
        {
            counts[RecordKeys.Spread(keyOf(i)) >> 12]++;
        }

        var mean = 10_000 / 16.0;
        Assert.True(
            counts.All(count => count >= mean * 0.7 && count <= mean * 1.3),
            $"{shape}: prefix counts {string.Join(", ", counts)} stray more than 30% from the mean {mean}");
    }
}
