using MlConnector.Pipeline.Mapping;

namespace MlConnector.Tests.Pipeline.Mapping;

public sealed class MappingCsvTests
{
    [Fact]
    public void Values_with_commas_and_quotes_round_trip()
    {
        MappingEntry[] entries =
        [
            new("vendors", "ACME, Inc.", "V-001"),
            new("items", "12\" steel pipe", "PIPE-12"),
            new("units", "\"EA\"", "UN,EA"),
            new("sites", "Zürich", "CH01"),
        ];

        var read = MappingCsv.Read(MappingCsv.Write(entries));

        Assert.Equal(entries, read);
    }

    [Fact]
    public void Values_with_line_breaks_round_trip()
    {
        MappingEntry[] entries =
        [
            new("addresses", "Main St 1\nBuilding B", "ADDR-1"),
            new("vendors", "V1", "Line one\r\nLine two"),
        ];

        var read = MappingCsv.Read(MappingCsv.Write(entries));

        Assert.Equal(entries, read);
    }

    [Fact]
    public void The_header_is_optional()
    {
        const string withoutHeader = "vendors,V1,X3-V1\nunits,EA,UN\n";

        var read = MappingCsv.Read(withoutHeader);

        Assert.Equal([new MappingEntry("vendors", "V1", "X3-V1"), new MappingEntry("units", "EA", "UN")], read);
        Assert.Equal(read, MappingCsv.Read(MappingCsv.Header + "\n" + withoutHeader));
    }

    [Fact]
    public void Windows_line_endings_and_blank_lines_are_accepted()
    {
        var read = MappingCsv.Read("table,source,target\r\nvendors,V1,X3-V1\r\n\r\nunits,EA,UN\r\n");

        Assert.Equal([new MappingEntry("vendors", "V1", "X3-V1"), new MappingEntry("units", "EA", "UN")], read);
    }

    [Theory]
    [InlineData("table,source,target\nvendors,V1,X3-V1\nvendors,V2\n", 3)]
    [InlineData("vendors,V1,X3-V1\nvendors,,X3-V2\n", 2)]
    [InlineData("vendors,V1,X3-V1\nvendors,V2,X3-V2,extra\n", 2)]
    [InlineData("table,source,target\nvendors,V1,X3-V1\n\nunits,EA\n", 4)]
    public void A_bad_line_fails_the_import_with_its_line_number(string csv, int badLine)
    {
        var error = Assert.Throws<FormatException>(() => MappingCsv.Read(csv));

        Assert.StartsWith($"Line {badLine}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_fails_the_import()
    {
        var error = Assert.Throws<FormatException>(() => MappingCsv.Read("table,source,target\nvendors,\"ACME, Inc.,V-001\n"));

        Assert.StartsWith("Line 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }
}
