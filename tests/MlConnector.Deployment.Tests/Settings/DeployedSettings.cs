using System.Text.Json;
using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Settings;

/// <summary>Setting names as declared in local.settings.sample.json and in the Bicep app settings.</summary>
internal static partial class DeployedSettings
{
    internal static IReadOnlyCollection<string> LocalSample() => [.. LocalSampleValues().Keys];

    /// <summary>The <c>Values</c> of local.settings.sample.json, name to value.</summary>
    internal static IReadOnlyDictionary<string, string> LocalSampleValues()
    {
        using JsonDocument document = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The app settings in infra/app/api.bicep whose value is a plain one-line string literal, unescaped;
    /// values built from parameters or resources are left out because only a deployment knows them.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> BicepLiteralValues()
    {
        string bicep = RepositoryFiles.Read("infra", "app", "api.bicep");
        int start = bicep.IndexOf("var appSettings = {", StringComparison.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in bicep[start..].Split('\n').Skip(1))
        {
            if (line.TrimStart().StartsWith('}'))
            {
                break;
            }

            if (BicepLiteral().Match(line) is { Success: true } literal)
            {
                values[literal.Groups["name"].Value] = literal.Groups["value"].Value.Replace("\\'", "'").Replace("\\\\", "\\");
            }
        }

        return values;
    }

    /// <summary>Top-level keys of <c>var appSettings = { ... }</c> in infra/app/api.bicep.</summary>
    internal static IReadOnlyCollection<string> Bicep()
    {
        string bicep = RepositoryFiles.Read("infra", "app", "api.bicep");
        int start = bicep.IndexOf("var appSettings = {", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("infra/app/api.bicep has no `var appSettings = {` block.");
        }

        var keys = new List<string>();
        int depth = 0;
        foreach (string line in bicep[start..].Split('\n'))
        {
            string code = StripComment(line);
            if (depth == 1 && BicepKey().Match(code) is { Success: true } key)
            {
                keys.Add(key.Groups["name"].Value);
            }

            depth += code.Count(c => c is '{' or '[') - code.Count(c => c is '}' or ']');
            if (depth == 0)
            {
                break;
            }
        }

        return keys;
    }

    /// <summary>
    /// Host storage in Azure uses the identity-based family instead of a connection string; it counts as
    /// present only when the whole family the runtime needs is there.
    /// </summary>
    internal static bool HasIdentityBasedConnection(IReadOnlyCollection<string> keys, string connection) =>
        new[] { "credential", "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri" }
            .All(suffix => keys.Contains($"{connection}__{suffix}", StringComparer.OrdinalIgnoreCase));

    private static string StripComment(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    [GeneratedRegex(@"^\s*'?(?<name>[A-Za-z0-9_.\-]+)'?\s*:")]
    private static partial Regex BicepKey();

    [GeneratedRegex(@"^\s*'?(?<name>[A-Za-z0-9_.\-]+)'?\s*:\s*'(?<value>(?:[^'\\]|\\.)*)'\s*(//.*)?$")]
    private static partial Regex BicepLiteral();
}
