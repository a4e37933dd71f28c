namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// The characters the partner's interchange uses as delimiters, and whether a value containing one is refused (the
/// default: the mapper rejects the record naming the field) or left for Stedi to repair
/// (generate-edi <c>repairOptions.replaceStediCanonicalDelimitersConflicts</c>, Stedi's OpenAPI RepairOptions).
/// A delimiter inside a value would otherwise split the element and break the segment counts.
/// </summary>
public sealed record DelimiterPolicy(string Element, string Component, string Segment, string Repetition, bool Repair)
{
    /// <summary>Stedi's canonical delimiters: <c>*</c> element, <c>&gt;</c> component, <c>~</c> segment, <c>^</c> repetition.</summary>
    public static DelimiterPolicy StediDefaults { get; } = new("*", ">", "~", "^", Repair: false);

    /// <summary>The first delimiter <paramref name="value"/> contains, with its role; null when it has none or repair is on.</summary>
    public (char Character, string Role)? Conflict(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Repair)
        {
            return null;
        }

        foreach (var (delimiter, role) in new[] { (Element, "element separator"), (Component, "component separator"), (Segment, "segment terminator"), (Repetition, "repetition separator") })
        {
            foreach (var character in delimiter)
            {
                if (value.Contains(character, StringComparison.Ordinal))
                {
                    return (character, role);
                }
            }
        }

        return null;
    }
}
