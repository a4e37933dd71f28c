using System.Text;

namespace MlConnector.Pipeline.Mapping;

/// <summary>
/// The CSV form of mapping tables: header <c>table,source,target</c>, RFC 4180 quoting. One file can carry
/// several tables, so a customer's whole setup travels as one file.
/// </summary>
public static class MappingCsv
{
    public const string Header = "table,source,target";

    /// <summary>Longest value accepted, as for record keys: real codes are far shorter, and table keys hold 1 KiB.</summary>
    public const int MaxValueLength = 256;

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
        foreach (var (fields, lineNumber) in Records(text))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (entries.Count == 0 && lineNumber == 1 && string.Join(",", fields).Trim().Equals(Header, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.Count != 3 || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException($"Line {lineNumber}: expected three non-empty fields (table,source,target), found {fields.Count}.");
            }

            if (FieldProblem(fields) is { } problem)
            {
                throw new FormatException($"Line {lineNumber}: {problem}.");
            }

            entries.Add(new MappingEntry(fields[0].Trim(), fields[1].Trim(), fields[2].Trim()));
        }

        return entries;
    }

    /// <summary>
    /// A value no mapping table row can hold: table and source become table keys (1 KiB at most), and a control character
    /// other than a tab or a line break (which quoted values may hold) is a pasting accident, not a code. Checked before anything is written, so nothing half-imports.
    /// </summary>
    private static string? FieldProblem(List<string> fields)
    {
        string[] names = ["table", "source", "target"];
        for (var i = 0; i < names.Length; i++)
        {
            var value = fields[i].Trim();
            if (value.Length > MaxValueLength)
            {
                return $"the {names[i]} value is {value.Length} characters long; at most {MaxValueLength} are accepted";
            }

            foreach (var c in value)
            {
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                {
                    return $"the {names[i]} value holds the control character U+{(int)c:X4}";
                }
            }
        }

        return null;
    }

    /// <summary>Splits records and fields in one pass, so a quoted value may hold commas, quotes and line breaks.</summary>
    private static IEnumerable<(List<string> Fields, int LineNumber)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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
                    line += c == '\n' ? 1 : 0;
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
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                yield return (fields, recordStart);
                fields = [];
                field.Clear();
                line++;
                recordStart = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {recordStart}: a quoted field is not closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (fields, recordStart);
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
