using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>A selected field: name, arguments (literals already resolved against the variables) and sub-selection.</summary>
internal sealed record GraphQlField(string Name, IReadOnlyDictionary<string, JsonNode?> Arguments, IReadOnlyList<GraphQlField>? Selection);

/// <summary>
/// A purpose-built parser for the operations X3 clients send: <c>query</c>/<c>mutation</c> with variable
/// definitions, nested selections and scalar arguments or variables. No fragments or directives.
/// </summary>
internal static class GraphQlDocument
{
    public static (bool IsMutation, IReadOnlyList<GraphQlField> Selection) Parse(string text, JsonObject? variables)
    {
        var reader = new Reader(text, variables ?? []);
        var isMutation = false;
        if (reader.PeekName() is "query" or "mutation")
        {
            isMutation = reader.ReadName() == "mutation";
            if (reader.PeekName() is not null)
            {
                reader.ReadName();
            }

            if (reader.TryTake('('))
            {
                reader.SkipVariableDefinitions();
            }
        }

        var selection = reader.ReadSelectionSet();
        reader.ExpectEnd();
        return (isMutation, selection);
    }

    private sealed class Reader(string text, JsonObject variables)
    {
        private int _at;

        public string? PeekName()
        {
            SkipIgnored();
            if (_at >= text.Length || !(char.IsLetter(text[_at]) || text[_at] == '_'))
            {
                return null;
            }

            var end = _at;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            return text[_at..end];
        }

        public string ReadName()
        {
            var name = PeekName() ?? throw Error("a name");
            _at += name.Length;
            return name;
        }

        public bool TryTake(char symbol)
        {
            SkipIgnored();
            if (_at < text.Length && text[_at] == symbol)
            {
                _at++;
                return true;
            }

            return false;
        }

        public void Expect(char symbol)
        {
            if (!TryTake(symbol))
            {
                throw Error($"'{symbol}'");
            }
        }

        public void ExpectEnd()
        {
            SkipIgnored();
            if (_at < text.Length)
            {
                throw Error("end of document");
            }
        }

        public void SkipVariableDefinitions()
        {
            while (!TryTake(')'))
            {
                Expect('$');
                ReadName();
                Expect(':');
                SkipType();
                if (TryTake('='))
                {
                    ReadValue();
                }
            }
        }

        public List<GraphQlField> ReadSelectionSet()
        {
            Expect('{');
            var fields = new List<GraphQlField>();
            while (!TryTake('}'))
            {
                var name = ReadName();
                if (TryTake(':'))
                {
                    name = ReadName(); // an alias: answer under the field's own name
                }

                var arguments = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                if (TryTake('('))
                {
                    while (!TryTake(')'))
                    {
                        var argument = ReadName();
                        Expect(':');
                        arguments[argument] = ReadValue();
                    }
                }

                SkipIgnored();
                var selection = _at < text.Length && text[_at] == '{' ? ReadSelectionSet() : null;
                fields.Add(new GraphQlField(name, arguments, selection));
            }

            return fields;
        }

        private void SkipType()
        {
            if (TryTake('['))
            {
                SkipType();
                Expect(']');
            }
            else
            {
                ReadName();
            }

            TryTake('!');
        }

        private JsonNode? ReadValue()
        {
            SkipIgnored();
            if (TryTake('$'))
            {
                var name = ReadName();
                return variables[name]?.DeepClone();
            }

            if (_at < text.Length && text[_at] == '"')
            {
                return JsonValue.Create(ReadString());
            }

            if (TryTake('{'))
            {
                var obj = new JsonObject();
                while (!TryTake('}'))
                {
                    var key = ReadName();
                    Expect(':');
                    obj[key] = ReadValue();
                }

                return obj;
            }

            if (TryTake('['))
            {
                var array = new JsonArray();
                while (!TryTake(']'))
                {
                    array.Add(ReadValue());
                }

                return array;
            }

            if (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '-'))
            {
                var start = _at++;
                while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '.'))
                {
                    _at++;
                }

                return JsonValue.Create(decimal.Parse(text[start.._at], CultureInfo.InvariantCulture));
            }

            var word = ReadName();
            return word switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                _ => JsonValue.Create(word),
            };
        }

        private string ReadString()
        {
            _at++;
            var value = new StringBuilder();
            while (_at < text.Length && text[_at] != '"')
            {
                if (text[_at] == '\\' && _at + 1 < text.Length)
                {
                    _at++;
                    value.Append(text[_at] switch { 'n' => '\n', 't' => '\t', _ => text[_at] });
                }
                else
                {
                    value.Append(text[_at]);
                }

                _at++;
            }

            Expect('"');
            return value.ToString();
        }

        private void SkipIgnored()
        {
            while (_at < text.Length)
            {
                if (char.IsWhiteSpace(text[_at]) || text[_at] == ',')
                {
                    _at++;
                }
                else if (text[_at] == '#')
                {
                    while (_at < text.Length && text[_at] != '\n')
                    {
                        _at++;
                    }
                }
                else
                {
                    break;
                }
            }
        }

        private GraphQlSyntaxException Error(string expected) =>
            new($"Syntax Error: Expected {expected} at position {_at}.");
    }
}

internal sealed class GraphQlSyntaxException(string message) : Exception(message);
