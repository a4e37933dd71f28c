using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlConnector.Simulators.SageX3.Rest;

/// <summary>
/// The SData <c>where=</c> grammar X3 api1 accepts: comparisons (eq ne lt le gt ge), <c>in (...)</c>,
/// <c>like</c>, <c>between</c>, <c>and</c>/<c>or</c>/<c>not</c>, parentheses; literals <c>'text'</c>,
/// numbers and <c>@date@</c>. Properties outside the representation's query facet raise
/// <see cref="UnknownPropertyException"/> (X3 answers HTTP 500).
/// </summary>
internal static class SDataWhere
{
    public static Func<JsonObject, bool> Parse(string text, IReadOnlyCollection<string> knownProperties)
    {
        var parser = new Parser(Tokenize(text), knownProperties);
        var predicate = parser.ParseOr();
        parser.ExpectEnd();
        return predicate;
    }

    private enum TokenKind
    {
        Word,
        Text,
        Date,
        Number,
        Symbol,
    }

    private sealed record Token(TokenKind Kind, string Value);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated string literal in where clause");
                    }

                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                tokens.Add(new Token(TokenKind.Text, value.ToString()));
            }
            else if (c == '@')
            {
                var end = text.IndexOf('@', i + 1);
                if (end < 0)
                {
                    throw new FormatException("Unterminated date literal in where clause");
                }

                tokens.Add(new Token(TokenKind.Date, text[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i]));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i]));
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' in where clause");
            }
        }

        return tokens;
    }

    private sealed class Parser(List<Token> tokens, IReadOnlyCollection<string> known)
    {
        private int _position;

        public Func<JsonObject, bool> ParseOr()
        {
            var left = ParseAnd();
            while (TakeWord("or"))
            {
                var l = left;
                var r = ParseAnd();
                left = row => l(row) || r(row);
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (_position < tokens.Count)
            {
                throw new FormatException($"Unexpected '{tokens[_position].Value}' in where clause");
            }
        }

        private Func<JsonObject, bool> ParseAnd()
        {
            var left = ParseUnary();
            while (TakeWord("and"))
            {
                var l = left;
                var r = ParseUnary();
                left = row => l(row) && r(row);
            }

            return left;
        }

        private Func<JsonObject, bool> ParseUnary()
        {
            if (TakeWord("not"))
            {
                var inner = ParseUnary();
                return row => !inner(row);
            }

            if (TakeSymbol("("))
            {
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            return ParseComparison();
        }

        private Func<JsonObject, bool> ParseComparison()
        {
            var property = Next();
            if (property.Kind != TokenKind.Word)
            {
                throw new FormatException($"Expected a property name, found '{property.Value}'");
            }

            if (!known.Contains(property.Value))
            {
                throw new UnknownPropertyException(property.Value);
            }

            var op = Next();
            if (op.Kind != TokenKind.Word)
            {
                throw new FormatException($"Expected an operator after {property.Value}");
            }

            var name = property.Value;
            switch (op.Value.ToLowerInvariant())
            {
                case "in":
                    Expect("(");
                    var values = new List<Token> { Literal() };
                    while (TakeSymbol(","))
                    {
                        values.Add(Literal());
                    }

                    Expect(")");
                    return row => values.Any(v => Compare(row[name], v) == 0);
                case "like":
                    var pattern = Literal();
                    var regex = new Regex("^" + Regex.Escape(pattern.Value).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
                    return row => row[name] is { } v && regex.IsMatch(v.ToString());
                case "between":
                    var low = Literal();
                    if (!TakeWord("and"))
                    {
                        throw new FormatException("between needs 'and'");
                    }

                    var high = Literal();
                    return row => Compare(row[name], low) >= 0 && Compare(row[name], high) <= 0;
                default:
                    var literal = Literal();
                    Func<int?, bool> test = op.Value.ToLowerInvariant() switch
                    {
                        "eq" => c => c == 0,
                        "ne" => c => c != 0,
                        "lt" => c => c < 0,
                        "le" => c => c <= 0,
                        "gt" => c => c > 0,
                        "ge" => c => c >= 0,
                        _ => throw new FormatException($"Unknown operator '{op.Value}'"),
                    };
                    return row => test(Compare(row[name], literal));
            }
        }

        /// <summary>Null when the field is empty: an empty field matches only <c>ne</c>.</summary>
        private static int? Compare(JsonNode? field, Token literal)
        {
            if (field is null)
            {
                return null;
            }

            var text = field.ToString();
            return literal.Kind switch
            {
                TokenKind.Date => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    .CompareTo(DateTimeOffset.Parse(literal.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
                TokenKind.Number => decimal.Parse(text, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(literal.Value, CultureInfo.InvariantCulture)),
                _ => string.CompareOrdinal(text, literal.Value),
            };
        }

        private Token Literal()
        {
            var token = Next();
            return token.Kind is TokenKind.Text or TokenKind.Date or TokenKind.Number
                ? token
                : throw new FormatException($"Expected a literal, found '{token.Value}'");
        }

        private Token Next() =>
            _position < tokens.Count ? tokens[_position++] : throw new FormatException("Unexpected end of where clause");

        private bool TakeWord(string word)
        {
            if (_position < tokens.Count && tokens[_position].Kind == TokenKind.Word && string.Equals(tokens[_position].Value, word, StringComparison.OrdinalIgnoreCase))
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool TakeSymbol(string symbol)
        {
            if (_position < tokens.Count && tokens[_position].Kind == TokenKind.Symbol && tokens[_position].Value == symbol)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(string symbol)
        {
            if (!TakeSymbol(symbol))
            {
                throw new FormatException($"Expected '{symbol}' in where clause");
            }
        }
    }
}

internal sealed class UnknownPropertyException(string property) : Exception($"Property '{property}' not found")
{
    public string Property { get; } = property;
}
