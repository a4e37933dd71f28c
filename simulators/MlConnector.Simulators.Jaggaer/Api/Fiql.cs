using System.Globalization;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// The subset of FIQL J1P's <c>flt</c> parameter is seen with: <c>field==value</c>, <c>field&gt;=value</c>,
/// <c>field=in=(a,b)</c>, conditions joined by <c>;</c> (AND). Field names compare case-insensitively; <c>&gt;=</c>
/// compares dates (ISO or <c>yyyyMMdd[HHmmss]</c>), then numbers, then text.
/// </summary>
internal sealed class Fiql
{
    private static readonly string[] CompactFormats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMdd"];

    private readonly IReadOnlyList<Condition> _conditions;

    private Fiql(IReadOnlyList<Condition> conditions) => _conditions = conditions;

    /// <summary>Parses <paramref name="filter"/>; a malformed condition throws <see cref="FormatException"/> with the reason.</summary>
    public static Fiql Parse(string? filter)
    {
        var conditions = new List<Condition>();
        foreach (var part in (filter ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            conditions.Add(ParseCondition(part));
        }

        return new Fiql(conditions);
    }

    /// <summary>True when every condition holds; <paramref name="valueOf"/> gives a field's value or throws <see cref="KeyNotFoundException"/> for an unknown field.</summary>
    public bool Matches(Func<string, string?> valueOf) => _conditions.All(condition => condition.Holds(valueOf(condition.Field)));

    /// <summary>The fields the filter names, so an endpoint can refuse unknown ones before reading.</summary>
    public IEnumerable<string> Fields => _conditions.Select(condition => condition.Field);

    private static Condition ParseCondition(string part)
    {
        var inAt = part.IndexOf("=in=", StringComparison.OrdinalIgnoreCase);
        if (inAt > 0)
        {
            var list = part[(inAt + 4)..];
            if (!list.StartsWith('(') || !list.EndsWith(')'))
            {
                throw new FormatException($"Invalid filter '{part}': =in= takes a list in parentheses");
            }

            return new Condition(part[..inAt], "=in=", [.. list[1..^1].Split(',', StringSplitOptions.TrimEntries)]);
        }

        foreach (var op in new[] { "==", ">=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Condition(part[..at], op, [part[(at + op.Length)..]]);
            }
        }

        throw new FormatException($"Invalid filter '{part}': expected field==value, field>=value or field=in=(a,b)");
    }

    private sealed record Condition(string Field, string Operator, IReadOnlyList<string> Values)
    {
        public bool Holds(string? actual) => actual is not null && Operator switch
        {
            "==" => string.Equals(actual, Values[0], StringComparison.OrdinalIgnoreCase),
            "=in=" => Values.Contains(actual, StringComparer.OrdinalIgnoreCase),
            _ => Compare(actual, Values[0]) >= 0,
        };

        private static int Compare(string left, string right)
        {
            if (Instant(left) is { } l && Instant(right) is { } r)
            {
                return l.CompareTo(r);
            }

            if (decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) &&
                decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
            {
                return a.CompareTo(b);
            }

            return string.CompareOrdinal(left, right);
        }

        private static DateTimeOffset? Instant(string text)
        {
            const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (text.All(char.IsAsciiDigit))
            {
                return text.Length >= 8 && DateTimeOffset.TryParseExact(text, CompactFormats, CultureInfo.InvariantCulture, utc, out var compact) ? compact : null;
            }

            return text.Contains('-', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, utc, out var iso) ? iso : null;
        }
    }
}
