using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Settings;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Functions.ContractTests.Support;

/// <summary>The app settings the worker is started with: the sample as shipped, the Bicep's, or the sample pointed at the sandbox.</summary>
public static partial class AppSettingSets
{
    /// <summary>
    /// Settings whose value only a deployment knows (resource ids, endpoints, the identity's client id). The Bicep case
    /// replaces them with local equivalents: storage by Azurite's connection string, Key Vault by the local encrypted
    /// store, and no Application Insights (its exporter would authenticate with the managed identity, which only Azure has).
    /// </summary>
    public static readonly IReadOnlySet<string> DeploymentOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "AZURE_CLIENT_ID",
        "SecretStore__KeyVaultUri",
        "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",
        "WEBSITE_AUTH_AAD_ALLOWED_TENANTS",
    };

    /// <summary>Literal settings that belong with the deployment-only ones and go with them (identity storage and telemetry).</summary>
    private static readonly IReadOnlySet<string> ReplacedWithDeploymentOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage__credential",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    };

    /// <summary>The Values of local.settings.sample.json exactly as shipped, empty ones included.</summary>
    public static IReadOnlyDictionary<string, string> LocalSample() => DeployedSettings.LocalSampleValues();

    /// <summary>
    /// The app settings infra/app/api.bicep sets: its literals, and the schedules from their main.bicep parameter
    /// defaults. Returns the settings only a deployment knows separately, by name.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Values, IReadOnlyCollection<string> DeploymentOnlyNames) Bicep()
    {
        var literals = DeployedSettings.BicepLiteralValues();
        var defaults = MainBicepParameterDefaults();
        string api = RepositoryFiles.Read("infra", "app", "api.bicep");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var name in DeployedSettings.Bicep())
        {
            if (literals.TryGetValue(name, out var literal))
            {
                values[name] = literal;
            }
            else if (ParameterReference(api, name) is { } parameter && defaults.TryGetValue(parameter, out var defaultValue))
            {
                values[name] = defaultValue;
            }
            else
            {
                unknown.Add(name);
            }
        }

        return (values, unknown);
    }

    /// <summary>The Bicep settings with what only a deployment knows replaced by this machine's equivalents.</summary>
    public static IReadOnlyDictionary<string, string> BicepOnThisMachine(string storageConnectionString, string secretsDirectory)
    {
        var values = Bicep().Values
            .Where(setting => !ReplacedWithDeploymentOnly.Contains(setting.Key))
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);
        values["AzureWebJobsStorage"] = storageConnectionString;
        values["SecretStore__KeyVaultUri"] = string.Empty;
        values["SecretStore__LocalPath"] = secretsDirectory;
        return values;
    }

    /// <summary>The sample, with the sandbox's settings (configuration keys, <c>:</c>) over it as app settings (<c>__</c>).</summary>
    public static Dictionary<string, string> SampleOver(IReadOnlyDictionary<string, string?> overrides)
    {
        var values = new Dictionary<string, string>(LocalSample(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            values[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        return values;
    }

    private static string? ParameterReference(string apiBicep, string setting) =>
        Regex.Match(apiBicep, $@"^\s*'?{Regex.Escape(setting)}'?\s*:\s*(?<param>[A-Za-z][A-Za-z0-9]*)\s*$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups["param"].Value
            : null;

    private static Dictionary<string, string> MainBicepParameterDefaults() =>
        ParameterDefault().Matches(RepositoryFiles.Read("infra", "main.bicep"))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^param\s+(?<name>[A-Za-z][A-Za-z0-9]*)\s+string\s*=\s*'(?<value>[^']*)'", RegexOptions.Multiline)]
    private static partial Regex ParameterDefault();
}
