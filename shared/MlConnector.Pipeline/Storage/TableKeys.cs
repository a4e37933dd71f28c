using System.Globalization;
using System.Text;

namespace MlConnector.Pipeline.Storage;

/// <summary>
/// Table keys may not hold <c>/ \ # ?</c> or control characters. Source ids can (Procurify PO "PO/2024#7"), so
/// keys are percent-escaped: those characters, '%', and the separators this engine uses ('|' and '~').
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 8);
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? value;
    }

    public static string Unescape(string value) =>
        value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or '|' or '~' || char.IsControl(c);
}
