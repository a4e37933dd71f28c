using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>
/// X3's scalars: <c>Id</c> (Sage's read sample declares <c>$id: Id!</c>), <c>Decimal</c> and <c>Integer</c> (Sage's receipt
/// sample sends quantities and line numbers as strings, Sage's docs as numbers: both are accepted), <c>Date</c>
/// (yyyy-MM-dd), <c>Datetime</c> and <c>IntOrString</c> (a reference given by its code).
/// </summary>
/// <remarks>One instance per schema: a graph type instance belongs to the schema that registered it.</remarks>
internal sealed class X3Scalars
{
    private readonly ScalarGraphType _id = new TextScalar("Id", "A record's key.");
    private readonly ScalarGraphType _intOrString = new TextScalar("IntOrString", "A reference given by its code.");
    private readonly ScalarGraphType _datetime = new TextScalar("Datetime", "A GMT timestamp, e.g. 2024-05-01T10:00:00Z.");
    private readonly ScalarGraphType _date = new DateScalar();
    private readonly ScalarGraphType _decimal = new NumberScalar("Decimal", integer: false);
    private readonly ScalarGraphType _integer = new NumberScalar("Integer", integer: true);
    private readonly IntGraphType _int = new();
    private readonly BooleanGraphType _boolean = new();
    private readonly StringGraphType _string = new();

    public IGraphType Int => _int;

    public IGraphType String => _string;

    public IGraphType Boolean => _boolean;

    public IGraphType Id => _id;

    /// <summary>The output type of a declared scalar name.</summary>
    public IGraphType Output(string type) => type switch
    {
        "Id" => _id,
        "Int" => _int,
        "Decimal" => _decimal,
        "Date" => _date,
        "Datetime" => _datetime,
        "Boolean" => _boolean,
        "IntOrString" => _intOrString,
        _ => _string,
    };

    /// <summary>The input type of a declared scalar name: integers also accept numeric strings.</summary>
    public IGraphType Input(string type) => type == "Int" ? _integer : Output(type);

    private sealed class TextScalar : ScalarGraphType
    {
        public TextScalar(string name, string description)
        {
            Name = name;
            Description = description;
        }

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLStringValue text => (string)text.Value,
            GraphQLIntValue number => (string)number.Value,
            GraphQLNullValue => null,
            _ => ThrowLiteralConversionError(value),
        };

        public override object? ParseValue(object? value) => value switch
        {
            null => null,
            string text => text,
            int or long or BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => ThrowValueConversionError(value),
        };

        public override object? Serialize(object? value) => value?.ToString();
    }

    private sealed class DateScalar : ScalarGraphType
    {
        public DateScalar()
        {
            Name = "Date";
            Description = "A date, yyyy-MM-dd.";
        }

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLStringValue text => Check((string)text.Value),
            GraphQLNullValue => null,
            _ => ThrowLiteralConversionError(value),
        };

        public override object? ParseValue(object? value) => value switch
        {
            null => null,
            string text => Check(text),
            _ => ThrowValueConversionError(value),
        };

        public override object? Serialize(object? value) => value?.ToString();

        private static string Check(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? text
                : throw new FormatException($"'{text}' is not a date (yyyy-MM-dd).");
    }

    private sealed class NumberScalar : ScalarGraphType
    {
        private readonly bool _integer;

        public NumberScalar(string name, bool integer)
        {
            Name = name;
            Description = integer ? "An integer, as a number or a numeric string." : "A decimal number, as a number or a numeric string.";
            _integer = integer;
        }

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLIntValue number => Parse((string)number.Value),
            GraphQLFloatValue number when !_integer => Parse((string)number.Value),
            GraphQLStringValue text => Parse((string)text.Value),
            GraphQLNullValue => null,
            _ => ThrowLiteralConversionError(value),
        };

        public override object? ParseValue(object? value) => value switch
        {
            null => null,
            string text => Parse(text),
            int or long or decimal or double or float or BigInteger => Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
            _ => ThrowValueConversionError(value),
        };

        public override object? Serialize(object? value) => value switch
        {
            null => null,
            decimal number => number,
            _ => decimal.TryParse(value.ToString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) ? parsed : ThrowSerializationError(value),
        };

        private object Parse(string text) =>
            decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) && (!_integer || number == decimal.Truncate(number))
                ? _integer ? (object)(int)number : number
                : throw new FormatException($"'{text}' is not {(_integer ? "an integer" : "a number")}.");
    }
}
