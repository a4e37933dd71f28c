using System.Globalization;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// A J1P <c>flt</c> filter in the FIQL-like syntax J1P clients use: <c>==</c>, <c>&gt;=</c>, <c>=in=(a,b)</c>,
/// conditions joined by <c>;</c> (AND). Immutable: each method returns a longer filter.
/// </summary>
public sealed class JaggaerFilter
{
    private readonly IReadOnlyList<string> _conditions;

    private JaggaerFilter(IReadOnlyList<string> conditions) => _conditions = conditions;

    public static JaggaerFilter None { get; } = new([]);

    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>A condition (or several joined by <c>;</c>) already written in FIQL, e.g. a configured <c>TYPE==SELLER</c>.</summary>
    public JaggaerFilter And(string? fiql) =>
        string.IsNullOrWhiteSpace(fiql) ? this : new([.. _conditions, .. fiql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);

    public JaggaerFilter Equal(string field, string value) => And($"{field}=={value}");

    public JaggaerFilter AtLeast(string field, string value) => And($"{field}>={value}");

    public JaggaerFilter In(string field, IEnumerable<string> values) => And($"{field}=in=({string.Join(",", values)})");

    /// <summary><paramref name="field"/> at or after <paramref name="since"/>, written in the field's own date format.</summary>
    public JaggaerFilter ChangedSince(string field, DateTimeOffset? since, string format) =>
        since is { } instant ? AtLeast(field, instant.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)) : this;

    public override string ToString() => string.Join(";", _conditions);
}
