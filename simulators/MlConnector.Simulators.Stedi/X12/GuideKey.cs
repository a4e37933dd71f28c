namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// How Stedi's Guide JSON keys are built: <c>{snake name}_{segment id}</c>, <c>…_loop</c> for loops, an optional
/// qualifier suffix a guide adds (<c>party_identification_N1_loop_ship_to</c>), and <c>{snake name}_{NN}</c> for
/// elements. Source: Stedi-Demos/bootstrap-archived README.md (a real 855 translation) and
/// src/resources/X12/5010/850/Outbound850Schema.ts (a guide's schema with qualifier-split REF keys).
/// </summary>
internal sealed record GuideKey(string Name, string Id, bool Loop, string? Suffix)
{
    public static GuideKey? Read(string key)
    {
        var parts = key.Split('_');
        var at = Array.FindIndex(parts, 1, part => part.Length is >= 2 and <= 3 && char.IsAsciiLetterUpper(part[0]) && part.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
        if (at < 1 || parts[..at].Any(part => part.Length == 0))
        {
            return null;
        }

        var loop = at + 1 < parts.Length && parts[at + 1] == "loop";
        var suffixAt = at + (loop ? 2 : 1);
        return new GuideKey(string.Join('_', parts[..at]), parts[at], loop, suffixAt < parts.Length ? string.Join('_', parts[suffixAt..]) : null);
    }

    /// <summary>The element position of <c>name_NN</c>, or 0 when the key is not an element key.</summary>
    public static int Position(string key)
    {
        var underscore = key.LastIndexOf('_');
        return underscore > 0 && key.Length == underscore + 3 && int.TryParse(key.AsSpan(underscore + 1), out var position) ? position : 0;
    }

    public static string ElementName(string key) => key[..key.LastIndexOf('_')];
}
