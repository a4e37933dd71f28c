using System.Globalization;
using System.Text.Json;

namespace MlConnector.Core.Validation;

/// <summary>
/// Text no target should receive, whatever the document: control characters other than tab and line breaks (a NUL
/// truncates strings in many systems), the bidirectional overrides and isolates that make text display differently
/// from what it holds (U+202A-U+202E, U+2066-U+2069), unpaired surrogates and the non-characters U+FFFE and U+FFFF.
/// </summary>
public static class DocumentText
{
    /// <summary>Each string value (and property name) in <paramref name="body"/> holding such a character, with its JSON path.</summary>
    public static IEnumerable<string> Problems(JsonElement body) => Walk(body, "document");

    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsRefused(c))
            {
                return $"holds the character U+{(int)c:X4} ({Describe(c)}) at position {i + 1}";
            }
        }

        return null;
    }

    private static IEnumerable<string> Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = $"{path}.{property.Name}";
                    if (Problem(property.Name) is { } nameProblem)
                    {
                        yield return $"a property name under {path} {nameProblem}";
                    }

                    foreach (var problem in Walk(property.Value, child))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var problem in Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValueKind.String:
                if (ReadString(element) is not { } text)
                {
                    yield return $"{path} is not valid Unicode text";
                }
                else if (Problem(text) is { } valueProblem)
                {
                    yield return $"{path} {valueProblem}";
                }

                break;
            default:
                break;
        }
    }

    private static string? ReadString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ||
        c is >= '\u202A' and <= '\u202E' ||
        c is >= '\u2066' and <= '\u2069' ||
        c is '\uFFFE' or '\uFFFF' ||
        char.IsSurrogate(c);

    private static string Describe(char c) => c switch
    {
        '\0' => "NUL",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "a bidirectional text control",
        _ when char.IsSurrogate(c) => "half of a surrogate pair",
        _ when char.IsControl(c) => "a control character",
        _ => "a non-character",
    };
}
