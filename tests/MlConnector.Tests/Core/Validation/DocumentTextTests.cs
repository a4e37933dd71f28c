using System.Text.Json;
using MlConnector.Core.Validation;

namespace MlConnector.Tests.Core.Validation;

public sealed class DocumentTextTests
{
    [Theory]
    [InlineData("Widget\u0000 blue", "U+0000 (NUL)")]
    [InlineData("Invoice \u202Efdp.exe", "U+202E (a bidirectional text control)")]
    [InlineData("bell\u0007", "U+0007 (a control character)")]
    [InlineData("isolate \u2066x\u2069", "U+2066")]
    [InlineData("C1 \u0085 next line", "U+0085")]
    public void Text_with_a_character_no_target_should_receive_is_refused_naming_it(string text, string expected)
    {
        Assert.Contains(expected, DocumentText.Problem(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Line one\r\nLine two\ttabbed")]
    [InlineData("Café – 10 × 5 mm, ½ price, 東京, emoji 🚚")]
    [InlineData("")]
    public void Ordinary_text_in_any_script_with_tabs_and_line_breaks_passes(string text)
    {
        Assert.Null(DocumentText.Problem(text));
    }

    [Fact]
    public void A_document_names_the_path_of_each_refused_value()
    {
        var body = JsonDocument.Parse("""{"number":"PO-1","lines":[{"description":"ok"},{"description":"bad\u0000"}],"note":"fine"}""").RootElement;

        var problem = Assert.Single(DocumentText.Problems(body));

        Assert.StartsWith("document.lines[1].description holds the character U+0000", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("EUR", true)]
    [InlineData("JPY", true)]
    [InlineData("XXX", false)]
    [InlineData("XTS", false)]
    [InlineData("XAU", false)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("ZZZ", false)]
    [InlineData(null, false)]
    public void Only_iso_4217_codes_of_currencies_in_circulation_are_currencies(string? code, bool expected)
    {
        Assert.Equal(expected, CurrencyCodes.IsCurrent(code));
    }
}
