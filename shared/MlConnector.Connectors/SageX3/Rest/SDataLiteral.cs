using System.Globalization;

namespace MlConnector.Connectors.SageX3.Rest;

/// <summary>Literals of the SData <c>where</c> grammar and api1 resource keys.</summary>
public static class SDataLiteral
{
    /// <summary><c>'text'</c> with quotes doubled.</summary>
    public static string Text(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary><c>@2024-05-01T10:00:00Z@</c> (X3 stores technical dates in GMT).</summary>
    public static string DateTime(DateTimeOffset value) =>
        $"@{value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}@";

    /// <summary><c>('KEY')</c>, escaped for a URL path.</summary>
    public static string Key(string key) => $"('{Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal))}')";
}
