using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>Reads the JSON5-like filter and orderBy strings X3 GraphQL takes: unquoted keys, 'single' or "double" quotes.</summary>
internal static class Json5Filter
{
    public static JsonNode? Parse(string text)
    {
        var at = 0;
        var value = ReadValue(text, ref at);
        SkipSpace(text, ref at);
        return at == text.Length ? value : throw new FormatException($"Unexpected '{text[at]}' in filter at {at}");
    }

    private static JsonNode? ReadValue(string text, ref int at)
    {
        SkipSpace(text, ref at);
        if (at >= text.Length)
        {
            throw new FormatException("Unexpected end of filter");
        }

        var c = text[at];
        if (c == '{')
        {
            at++;
            var obj = new JsonObject();
            while (true)
            {
                SkipSpace(text, ref at);
                if (text[at] == '}')
                {
                    at++;
                    return obj;
                }

                var key = text[at] is '\'' or '"' ? ReadString(text, ref at) : ReadWord(text, ref at);
                SkipSpace(text, ref at);
                if (text[at++] != ':')
                {
                    throw new FormatException($"Expected ':' after {key} in filter");
                }

                obj[key] = ReadValue(text, ref at);
                SkipSpace(text, ref at);
                if (text[at] == ',')
                {
                    at++;
                }
            }
        }

        if (c == '[')
        {
            at++;
            var array = new JsonArray();
            while (true)
            {
                SkipSpace(text, ref at);
                if (text[at] == ']')
                {
                    at++;
                    return array;
                }

                array.Add(ReadValue(text, ref at));
                SkipSpace(text, ref at);
                if (text[at] == ',')
                {
                    at++;
                }
            }
        }

        if (c is '\'' or '"')
        {
            return JsonValue.Create(ReadString(text, ref at));
        }

        var word = ReadWord(text, ref at);
        return word switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            _ when decimal.TryParse(word, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => throw new FormatException($"Unexpected '{word}' in filter"),
        };
    }

    private static string ReadString(string text, ref int at)
    {
        var quote = text[at++];
        var value = new StringBuilder();
        while (at < text.Length && text[at] != quote)
        {
            if (text[at] == '\\' && at + 1 < text.Length)
            {
                at++;
            }

            value.Append(text[at++]);
        }

        if (at >= text.Length)
        {
            throw new FormatException("Unterminated string in filter");
        }

        at++;
        return value.ToString();
    }

    private static string ReadWord(string text, ref int at)
    {
        var start = at;
        while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '_' or '$' or '-' or '.'))
        {
            at++;
        }

        return at > start ? text[start..at] : throw new FormatException($"Unexpected '{text[at]}' in filter");
    }

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }
    }
}
