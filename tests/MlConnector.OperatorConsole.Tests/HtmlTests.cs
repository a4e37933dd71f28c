using MlConnector.OperatorConsole.Markup;

namespace MlConnector.OperatorConsole.Tests;

public sealed class HtmlTests
{
    [Fact]
    public void Text_from_a_vendor_is_encoded_and_markup_written_by_the_page_is_not()
    {
        var vendorReason = "<script>alert('x')</script> & \"quotes\"";
        var link = Html.Of($"<a href=\"{"/api/console/record?flow=a&key=<b>"}\">{vendorReason}</a>");

        Assert.Equal("<a href=\"/api/console/record?flow=a&amp;key=&lt;b&gt;\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;</a>", link.Value);
        Assert.Equal("<p><a", Html.Of($"<p>{Html.Raw("<a")}").Value);
    }
}
