using System.Text.Json;
using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Settings;

/// <summary>Setting names as declared in local.settings.sample.json and in the Bicep app settings.</summary>
internal static partial class DeployedSettings
{
    internal static IReadOnlyCollection<string> LocalSample()
    {
        using JsonDocument document = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        return [.. document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)];
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
}
