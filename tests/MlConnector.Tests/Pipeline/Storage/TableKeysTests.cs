using System.Buffers;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Tests.Pipeline.Storage;

public sealed class TableKeysTests
{
    /// <summary>Characters Table Storage refuses in keys, plus the separators the engine builds keys with.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\#?|~");

    public static TheoryData<string> SourceIdsNeedingEscapes => new()
    {
        "PO/2024#7",
        @"C:\exports\po?.csv",
        "tab\there",
        "line\nbreak\r\n",
        "\u0000\u001f\u007f\u0085\u009f",
        "100% done",
        "flow|key~version",
        "Müller/Zürich ~ 東京 😀",
        "%2F", // already looks escaped: must come back as typed, not decoded
        "%",
    };

    [Theory]
    [MemberData(nameof(SourceIdsNeedingEscapes))]
    public void A_source_id_round_trips_through_escape_and_unescape(string sourceId)
    {
        var escaped = TableKeys.Escape(sourceId);

        Assert.Equal(sourceId, TableKeys.Unescape(escaped));
    }

    [Theory]
    [MemberData(nameof(SourceIdsNeedingEscapes))]
    public void An_escaped_key_holds_no_forbidden_character(string sourceId)
    {
        var escaped = TableKeys.Escape(sourceId);

        Assert.True(escaped.AsSpan().IndexOfAny(Forbidden) < 0, $"'{escaped}' holds a forbidden character");
        Assert.DoesNotContain(escaped, char.IsControl);
        for (var i = escaped.IndexOf('%', StringComparison.Ordinal); i >= 0; i = escaped.IndexOf('%', i + 1))
        {
            Assert.True(i + 2 < escaped.Length && Uri.IsHexDigit(escaped[i + 1]) && Uri.IsHexDigit(escaped[i + 2]), $"'{escaped}' has a bare '%' at {i}");
        }
    }

    [Theory]
    [InlineData("PO-2024-7")]
    [InlineData("000000123")]
    [InlineData("Müller GmbH")]
    [InlineData("東京")]
    [InlineData("")]
    public void A_plain_key_is_unchanged(string sourceId)
    {
        Assert.Equal(sourceId, TableKeys.Escape(sourceId));
        Assert.Equal(sourceId, TableKeys.Unescape(sourceId));
    }

    [Fact]
    public void Different_source_ids_never_share_an_escaped_key()
    {
        var ids = new[] { "a/b", "a%2Fb", "a%252Fb", "a|b", "a%7Cb", "a~b", "a%7Eb" };

        var keys = ids.Select(TableKeys.Escape).ToList();

        Assert.Equal(ids.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
