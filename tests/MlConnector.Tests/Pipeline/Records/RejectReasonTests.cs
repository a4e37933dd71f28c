using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;

namespace MlConnector.Tests.Pipeline.Records;

public sealed class RejectReasonTests
{
    [Fact]
    public void Orders_missing_the_same_mapping_row_share_one_reason_whatever_their_line_numbers()
    {
        var misses = new[] { new MissingMapping("vendor-supplier", "199"), new MissingMapping("item-number", "SKU-1") };
        var first = MissingMapping.Relevant(misses, "Vendor 'Acme' (Procurify vendor 199) has no X3 supplier: add it to the vendor mapping; line 2 of PO 7");
        var second = MissingMapping.Relevant(misses, "Vendor 'Acme' (Procurify vendor 199) has no X3 supplier: add it to the vendor mapping; line 5 of PO 8");

        Assert.Equal([new MissingMapping("vendor-supplier", "199")], first);
        Assert.Equal(RejectReason.GroupKey("7", "x", first), RejectReason.GroupKey("8", "y", second));
    }

    [Fact]
    public void A_miss_the_reason_does_not_name_is_not_the_cause()
    {
        var relevant = MissingMapping.Relevant([new MissingMapping("costcode-glaccount", "60")], "Order 600 has no lines");

        Assert.Empty(relevant);
    }

    [Fact]
    public void Without_a_mapping_gap_the_reason_is_the_text_without_the_records_own_key_or_attempt_count()
    {
        Assert.Equal(
            RejectReason.GroupKey("INV-1", "X3 customer invoice INV-1: customer C9 has no Stedi partnership", []),
            RejectReason.GroupKey("INV-2", "X3 customer invoice INV-2: customer C9 has no Stedi partnership", []));
        Assert.Equal(
            RejectReason.GroupKey("A", "write attempt 3 of 5 failed, will retry: timeout", []),
            RejectReason.GroupKey("A", "write attempt 4 of 5 failed, will retry: timeout", []));
        Assert.NotEqual(
            RejectReason.GroupKey("A", "customer C9 has no Stedi partnership", []),
            RejectReason.GroupKey("A", "customer C8 has no Stedi partnership", []));
    }

    [Fact]
    public void Missing_mappings_round_trip_through_the_record_row()
    {
        IReadOnlyList<MissingMapping> misses = [new("trading-partner", "WALMART~1")];

        Assert.Equal(misses, MissingMapping.Parse(MissingMapping.Serialize(misses)));
        Assert.Empty(MissingMapping.Parse(MissingMapping.Serialize([])));
    }
}
