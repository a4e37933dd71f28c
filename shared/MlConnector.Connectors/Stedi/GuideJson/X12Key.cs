namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// One Guide JSON key read by its X12 identity. Segments are <c>&lt;name&gt;_&lt;ID&gt;</c>, loops
/// <c>&lt;name&gt;_&lt;ID&gt;_loop</c>, and a guide that splits a segment or loop by qualifier adds a suffix
/// (<c>party_identification_N1_loop_ship_to</c>, <c>reference_information_REF_customer_order</c>,
/// <c>hierarchical_level_HL_loop_pack</c>); the name part differs by X12 release (<c>name_N1</c> in 004010,
/// <c>party_identification_N1</c> in 005010). Elements end in their two-digit position (<c>quantity_02</c>).
/// Shapes from Stedi's own translations (Stedi-Demos/bootstrap-archived README.md and
/// src/functions/edi/inbound/__fixtures__/855-guide.json) and guide schemas (src/resources/X12/5010/850/Outbound850Schema.ts).
/// </summary>
public readonly record struct X12Key(string Name, string SegmentId, bool IsLoop, string? Suffix)
{
    /// <summary>A segment or loop key; null for element keys, sections and anything else.</summary>
    public static X12Key? Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var tokens = key.Split('_');

        // The segment id is the first all-capitals token after the (lower-case) name: "N1" in "name_N1_loop_ST".
        for (var i = 1; i < tokens.Length; i++)
        {
            if (!IsSegmentId(tokens[i]))
            {
                continue;
            }

            var loop = i + 1 < tokens.Length && tokens[i + 1] == "loop";
            var rest = i + (loop ? 2 : 1);
            return new X12Key(string.Join('_', tokens[..i]), tokens[i], loop, rest < tokens.Length ? string.Join('_', tokens[rest..]) : null);
        }

        return null;
    }

    /// <summary>The position an element key ends in (<c>purchase_order_number_03</c> is 3), or null.</summary>
    public static int? ElementPosition(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var underscore = key.LastIndexOf('_');
        return underscore > 0 && key.Length - underscore == 3 && char.IsAsciiDigit(key[^2]) && char.IsAsciiDigit(key[^1])
            ? (key[^2] - '0') * 10 + (key[^1] - '0')
            : null;
    }

    public static bool IsSegmentId(string token) =>
        token.Length is 2 or 3 && char.IsAsciiLetterUpper(token[0]) && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
