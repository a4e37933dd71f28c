using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using MlConnector.Core.Configuration;
using MlConnector.Pipeline.Configuration;

namespace MlConnector.Deployment.Tests.Settings;

/// <summary>
/// A setting that is present but cannot bind stops the app at start-up (or, for a URL, sends requests nowhere), so
/// every value shipped in the sample and the Bicep, empty ones included, must bind to its options class the way the
/// app binds it: empty means "use the default" (<see cref="EmptySettings"/>), anything else must convert.
/// </summary>
public sealed class AppSettingValuesTests
{
    [Fact]
    public void Every_value_in_local_settings_sample_binds_to_its_options_class() =>
        AssertAllBind(DeployedSettings.LocalSampleValues(), "local.settings.sample.json");

    [Fact]
    public void Every_literal_value_in_the_bicep_app_settings_binds_to_its_options_class() =>
        AssertAllBind(DeployedSettings.BicepLiteralValues(), "infra/app/api.bicep");

    [Fact]
    public void The_shipped_files_do_hold_empty_values_for_numbers_booleans_and_time_spans()
    {
        // Keeps the rule honest: if nothing typed were shipped empty, the binding tests above would not exercise it.
        string[] emptyTyped =
        [
            .. AppSettingDiscovery.All()
                .Where(s => s.ValueType is { } type && type != typeof(string) && type != typeof(Uri))
                .Where(s => DeployedSettings.LocalSampleValues().TryGetValue(s.Name, out var value) && value.Length == 0)
                .Select(s => s.Name),
        ];

        Assert.Contains("SageX3__Port", emptyTyped);
        Assert.Contains("AdobeCommerce__AmountTolerancePercent", emptyTyped);
        Assert.Contains("AdobeCommerce__NotifyCustomerOnShipment", emptyTyped);
    }

    [Fact]
    public void An_empty_value_leaves_every_options_property_at_its_default()
    {
        foreach (Type type in AppSettingDiscovery.OptionsTypes())
        {
            string section = type.GetCustomAttribute<ConfigurationSectionAttribute>()!.Section;
            PropertyInfo[] leaves = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsBindableLeaf)];
            var empty = leaves.ToDictionary(p => $"{section}:{p.Name}", _ => (string?)string.Empty);

            object bound = Bind(type, section, empty);
            object defaults = Activator.CreateInstance(type)!;

            Assert.All(leaves, p => Assert.Equal(p.GetValue(defaults), p.GetValue(bound)));
        }
    }

    [Fact]
    public void A_value_that_cannot_bind_is_reported()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sample__Limit"] = "1024 * 1024",
            ["Sample__Endpoint"] = "com/token\")",
            ["Sample__Empty"] = string.Empty,
        };
        RequiredSetting[] settings =
        [
            new("Sample__Limit", "test", IsPrefix: false, typeof(int)),
            new("Sample__Endpoint", "test", IsPrefix: false, typeof(Uri)),
            new("Sample__Empty", "test", IsPrefix: false, typeof(int)),
        ];

        Assert.Equal(2, Unconvertible(values, settings).Count());
    }

    private static void AssertAllBind(IReadOnlyDictionary<string, string> values, string file)
    {
        string[] bad = [.. Unconvertible(values, AppSettingDiscovery.All()), .. Unbindable(values)];

        Assert.True(bad.Length == 0, $"Values in {file} that do not bind:\n" + string.Join('\n', bad));
    }

    /// <summary>Binds each options class from the file's values exactly as the app does; a binder error is a failure.</summary>
    private static IEnumerable<string> Unbindable(IReadOnlyDictionary<string, string> values)
    {
        var configuration = values.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
        foreach (Type type in AppSettingDiscovery.OptionsTypes())
        {
            string section = type.GetCustomAttribute<ConfigurationSectionAttribute>()!.Section;
            string? problem = null;
            try
            {
                Bind(type, section, configuration);
            }
            catch (InvalidOperationException ex)
            {
                problem = $"  {type.Name}: {ex.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>Non-empty values that do not convert to their property type (or are relative URLs).</summary>
    private static IEnumerable<string> Unconvertible(IReadOnlyDictionary<string, string> values, IEnumerable<RequiredSetting> settings)
    {
        foreach (RequiredSetting setting in settings)
        {
            if (setting.ValueType is not { } type || !values.TryGetValue(setting.Name, out string? value) || value.Length == 0)
            {
                continue; // empty binds to the default: the tests above check that it does
            }

            if (Problem(type, value) is { } problem)
            {
                yield return $"  {setting.Name} = \"{value}\": {problem} (read by {setting.ReadBy})";
            }
        }
    }

    private static object Bind(Type type, string section, IDictionary<string, string?> values)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build().WithEmptyAsDefault();
        object instance = Activator.CreateInstance(type)!;
        configuration.GetSection(section).Bind(instance);
        return instance;
    }

    private static bool IsBindableLeaf(PropertyInfo property)
    {
        Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 &&
               (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri));
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
