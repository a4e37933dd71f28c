using System.Globalization;

namespace MlConnector.Flows.StediX3;

/// <summary>The few code conversions between X3 and X12 the mappers share.</summary>
internal static class X12Codes
{
    /// <summary>X3 unit codes -> X12 unit of measure (355). Codes X12 already knows (EA, CA, BX, KG…) pass through.</summary>
    public static string Unit(string x3Unit) => x3Unit.Trim().ToUpperInvariant() switch
    {
        "UN" or "U" or "PCE" or "PC" or "" => "EA",
        "KGS" => "KG",
        "LTR" or "L" => "LT",
        var other => other,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Guide JSON date: ISO (what Stedi's JSON uses) or X12's CCYYMMDD.</summary>
    public static DateOnly? ParseDate(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso
        : DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var x12) ? x12
        : null;
}
