using System.ComponentModel;

namespace MlConnector.Deployment.Tests.Settings;

/// <summary>
/// A setting that is present but cannot bind stops the app at start-up (or, for a URL, sends requests nowhere),
/// so every literal value shipped in the sample and the Bicep must convert to the type the options property has.
/// </summary>
public sealed class AppSettingValuesTests
{
    [Fact]
    public void Every_value_in_local_settings_sample_binds_to_its_options_type() =>
        AssertAllBind(DeployedSettings.LocalSampleValues(), "local.settings.sample.json");

    [Fact]
    public void Every_literal_value_in_the_bicep_app_settings_binds_to_its_options_type() =>
        AssertAllBind(DeployedSettings.BicepLiteralValues(), "infra/app/api.bicep");

    [Fact]
    public void A_value_that_cannot_bind_is_reported()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sample__Limit"] = "1024 * 1024",
            ["Sample__Endpoint"] = "com/token\")",
        };
        RequiredSetting[] settings =
        [
            new("Sample__Limit", "test", IsPrefix: false, typeof(int)),
            new("Sample__Endpoint", "test", IsPrefix: false, typeof(Uri)),
        ];

        Assert.Equal(2, Unbindable(values, settings).Count());
    }

    private static void AssertAllBind(IReadOnlyDictionary<string, string> values, string file)
    {
        string[] bad = [.. Unbindable(values, AppSettingDiscovery.All())];

        Assert.True(bad.Length == 0, $"Values in {file} that do not bind:\n" + string.Join('\n', bad));
    }

    private static IEnumerable<string> Unbindable(IReadOnlyDictionary<string, string> values, IEnumerable<RequiredSetting> settings)
    {
        foreach (RequiredSetting setting in settings)
        {
            if (setting.ValueType is not { } type || !values.TryGetValue(setting.Name, out string? value) || value.Length == 0)
            {
                continue; // empty means "use the default" to the configuration binder
            }

            if (Problem(type, value) is { } problem)
            {
                yield return $"  {setting.Name} = \"{value}\": {problem} (read by {setting.ReadBy})";
            }
        }
    }

    private static string? Problem(Type type, string value)
    {
        object? converted;
        try
        {
            converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return $"not a {type.Name}";
        }

        return converted is Uri { IsAbsoluteUri: false } ? "not an absolute URL" : null;
    }
}
