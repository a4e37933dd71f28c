using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Infrastructure;

/// <summary>Checks on the templates' text for the facts that fail late in Azure (host never starts, azd cannot find the app).</summary>
public sealed partial class BicepTemplateTests
{
    private static string AllBicep() =>
        string.Join('\n', Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [Fact]
    public void Flex_runtime_is_dotnet_isolated_version_10_0_as_a_string()
    {
        string api = RepositoryFiles.Read("infra", "app", "api.bicep");

        Assert.Matches(RuntimeBlock(), api);
        Assert.DoesNotMatch(@"version:\s*'10'", api);
        Assert.Contains("name: 'FC1'", api, StringComparison.Ordinal);
        Assert.Contains("reserved: true", api, StringComparison.Ordinal);
        Assert.Contains("kind: 'functionapp,linux'", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_service_tag_matches_the_azure_yaml_service()
    {
        string service = AzureYamlService().Match(RepositoryFiles.Read("azure.yaml")).Groups["service"].Value;
        string main = RepositoryFiles.Read("infra", "main.bicep");

        Assert.Equal("connector", service);
        Assert.Contains($"var serviceName = '{service}'", main, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': serviceName", RepositoryFiles.Read("infra", "app", "api.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_carry_no_key_secret_or_registry_module()
    {
        string bicep = AllBicep();

        Assert.DoesNotContain("listKeys(", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("br/public:", bicep, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", bicep, StringComparison.Ordinal);
        Assert.Contains("DisableLocalAuth: true", bicep, StringComparison.Ordinal);
        Assert.Contains("enableRbacAuthorization: true", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void App_identity_gets_least_privilege_roles_and_can_write_rotated_secrets()
    {
        string rbac = RepositoryFiles.Read("infra", "app", "rbac.bicep");

        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", rbac, StringComparison.Ordinal); // Storage Blob Data Owner
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", rbac, StringComparison.Ordinal); // Storage Queue Data Contributor
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", rbac, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", rbac, StringComparison.Ordinal); // Monitoring Metrics Publisher
        Assert.Contains("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", rbac, StringComparison.Ordinal); // Key Vault Secrets Officer
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", rbac, StringComparison.Ordinal); // Owner
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", rbac, StringComparison.Ordinal); // Contributor
    }

    [GeneratedRegex(@"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*'10\.0'\s*\}")]
    private static partial Regex RuntimeBlock();

    [GeneratedRegex(@"^services:\s*\n\s+(?<service>[A-Za-z0-9-]+):", RegexOptions.Multiline)]
    private static partial Regex AzureYamlService();
}
