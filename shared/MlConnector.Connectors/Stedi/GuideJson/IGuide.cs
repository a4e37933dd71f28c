using System.Text.Json;

namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// Where Guide JSON key names come from: a customer's guide JSON Schema (<see cref="SchemaGuide"/>), or the plain X12
/// release's names when no guide is imported (<see cref="ReleaseGuide"/>).
/// </summary>
public interface IGuide
{
    /// <summary>Describes the guide in problems, e.g. "the guide for me_acme 850" or "plain X12 004010".</summary>
    string Description { get; }

    /// <summary>A section (heading, detail, summary), or null when the guide has none.</summary>
    GuidePlace? Section(string name);

    /// <summary>The key a segment or loop gets inside <paramref name="parent"/>, or null when the guide has no place for it.</summary>
    GuidePlace? Child(GuidePlace parent, X12Node node);

    /// <summary>The key and constraints of element <paramref name="position"/> of a segment, or null when the guide leaves it out.</summary>
    GuideElement? Element(GuidePlace segment, int position);

    /// <summary>Keys the guide requires inside <paramref name="place"/>.</summary>
    IReadOnlyCollection<string> Required(GuidePlace place);
}

/// <summary>A resolved section, loop or segment: its key, whether the guide repeats it (a JSON array), and the guide's own handle.</summary>
public sealed record GuidePlace(string Key, bool IsArray, object Handle);

/// <summary>
/// An element as the guide defines it: its key, JSON type (<c>string</c>, <c>number</c>, <c>integer</c>; null keeps the
/// value's own), the decimals its <c>multipleOf</c> allows (Stedi writes an X12 N2 as multipleOf 0.01), its codes and length.
/// </summary>
public sealed record GuideElement(string Key, JsonValueKind? Kind = null, bool Integer = false, int? Decimals = null, IReadOnlyList<string>? Codes = null, int? MaxLength = null);
