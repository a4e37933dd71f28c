using MlConnector.Core.Configuration;

namespace MlConnector.Deployment.Tests.Settings;

public sealed class AppSettingsCoverageTests
{
    [Fact]
    public void Every_setting_the_code_reads_is_in_local_settings_sample()
    {
        IReadOnlyCollection<string> sample = DeployedSettings.LocalSample();

        string[] missing = [.. AppSettingDiscovery.All().Where(s => !s.IsSatisfiedBy(sample)).Select(Describe)];

        Assert.True(missing.Length == 0, "Missing from local.settings.sample.json:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_bicep_app_settings()
    {
        IReadOnlyCollection<string> bicep = DeployedSettings.Bicep();

        string[] missing =
        [
            .. AppSettingDiscovery.All()
                .Where(s => !s.IsSatisfiedBy(bicep))
                .Where(s => !(s.Name == AppSettingNames.StorageConnection && DeployedSettings.HasIdentityBasedConnection(bicep, s.Name)))
                .Select(Describe),
        ];

        Assert.True(missing.Length == 0, "Missing from the appSettings in infra/app/api.bicep:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Bicep_sets_host_storage_through_the_identity_and_never_a_connection_string()
    {
        IReadOnlyCollection<string> bicep = DeployedSettings.Bicep();

        Assert.True(DeployedSettings.HasIdentityBasedConnection(bicep, AppSettingNames.StorageConnection));
        Assert.DoesNotContain(AppSettingNames.StorageConnection, bicep);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", bicep); // Flex takes the runtime from functionAppConfig
    }

    [Fact]
    public void AppSettingNames_All_lists_every_constant()
    {
        Assert.Equal(
            AppSettingDiscovery.NamedSettings().Select(s => s.Name).Order(StringComparer.Ordinal),
            AppSettingNames.All.Order(StringComparer.Ordinal));
    }

    private static string Describe(RequiredSetting setting) =>
        $"  {setting.Name}{(setting.IsPrefix ? "__*" : string.Empty)} (read by {setting.ReadBy})";
}
