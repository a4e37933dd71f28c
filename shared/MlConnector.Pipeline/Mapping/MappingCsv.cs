using System.Text;

namespace MlConnector.Pipeline.Mapping;

/// <summary>
/// The CSV form of mapping tables: header <c>table,source,target</c>, RFC 4180 quoting. One file can carry
/// several tables, so a customer's whole setup travels as one file.
/// </summary>
public static class MappingCsv
{
    public const string Header = "table,source,target";

    public static string Write(IEnumerable<MappingEntry> entries)
    {
        var builder = new StringBuilder().Append(Header).Append('\n');
        foreach (var entry in entries)
        {
            builder.Append(Quote(entry.Table)).Append(',').Append(Quote(entry.Source)).Append(',').Append(Quote(entry.Target)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Parses a file; a bad line fails the whole import with its line number, so nothing half-imports.</summary>
    public static IReadOnlyList<MappingEntry> Read(string text)
    {
        var entries = new List<MappingEntry>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || (i == 0 && line.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = ParseLine(line, i + 1);
            if (fields.Count != 3 || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException($"Line {i + 1}: expected three non-empty fields (table,source,target), found {fields.Count}.");
            }

            entries.Add(new MappingEntry(fields[0].Trim(), fields[1].Trim(), fields[2].Trim()));
        }

        return entries;
    }

    private static List<string> ParseLine(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
