using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace MlConnector.OperatorConsole.Markup;

/// <summary>
/// A piece of HTML. Built from an interpolated string whose holes are HTML-encoded unless they are themselves
/// <see cref="Html"/>, so a page cannot print a vendor's text unescaped by forgetting to encode it.
/// </summary>
public readonly struct Html
{
    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty => new(string.Empty);

    public string Value => _value ?? string.Empty;

    /// <summary>Markup from an interpolated string: literal parts kept, holes encoded.</summary>
    public static Html Of(ref HtmlBuilder builder) => new(builder.ToStringAndClear());

    /// <summary>Markup this code wrote itself (never text from a request or a vendor).</summary>
    public static Html Raw(string markup) => new(markup);

    public static Html Text(string? text) => new(HtmlEncoder.Default.Encode(text ?? string.Empty));

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(part => part.Value)));

    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder _builder;

    public HtmlBuilder(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(Html value) => _builder.Append(value.Value);

    public readonly void AppendFormatted(string? value) => _builder.Append(HtmlEncoder.Default.Encode(value ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string? format = null)
    {
        var text = value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        _builder.Append(HtmlEncoder.Default.Encode(text));
    }

    public readonly string ToStringAndClear()
    {
        var text = _builder.ToString();
        _builder.Clear();
        return text;
    }
}
