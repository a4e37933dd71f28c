using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Functions;

/// <summary>
/// Reads the trigger classes of functions/MlConnector.Functions as text, to hold their bodies to one shared call.
/// What the worker exposes at run time (names, triggers, routes, schedules) is checked against the built app by
/// tests/MlConnector.Functions.ContractTests.
/// </summary>
internal static partial class FunctionSource
{
    internal static string TriggersFolder => RepositoryFiles.PathOf("functions", "MlConnector.Functions", "Triggers");

    internal static IReadOnlyList<FunctionDeclaration> All() =>
        [.. Directory.EnumerateFiles(TriggersFolder, "*.cs").Order(StringComparer.Ordinal).SelectMany(Parse)];

    internal static IEnumerable<FunctionDeclaration> Parse(string path)
    {
        string text = File.ReadAllText(path);
        foreach (Match function in FunctionAttribute().Matches(text))
        {
            int arrow = text.IndexOf("=>", function.Index, StringComparison.Ordinal);
            int brace = FirstBraceOutsideStrings(text, function.Index);
            int end = text.IndexOf(';', function.Index);
            string header = text[function.Index..(arrow < 0 ? end : arrow)];
            string body = arrow < 0 || (brace >= 0 && brace < arrow) ? string.Empty : text[(arrow + 2)..end].Trim();
            yield return new FunctionDeclaration(Path.GetFileName(path), function.Groups["name"].Value, header, body, text);
        }
    }

    /// <summary>The first '{' of code after <paramref name="start"/>, skipping string literals (a route such as "console/{*path}" holds one).</summary>
    private static int FirstBraceOutsideStrings(string text, int start)
    {
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '"' && text[i - 1] != '\\')
            {
                inString = !inString;
            }
            else if (text[i] == '{' && !inString)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("""\[Function\("(?<name>[^"]+)"\)\]""")]
    private static partial Regex FunctionAttribute();
}

/// <summary>One [Function] method: its attribute-and-signature text and its expression body (empty when it has a block body).</summary>
internal sealed record FunctionDeclaration(string File, string Name, string Header, string Body, string FileText)
{
    /// <summary>The file without comment lines, so prose in doc comments is not mistaken for code.</summary>
    public string Code => string.Join('\n', FileText.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
}
