using MlConnector.Core.Configuration;

namespace MlConnector.Deployment.Tests.Settings;

public sealed class AppSettingDiscoveryTests
{
    [Fact]
    public void Options_class_yields_section_double_underscore_property_for_settable_properties()
    {
        string[] names = [.. AppSettingDiscovery.FromOptionsTypes([typeof(SampleConnectorOptions)]).Select(s => s.Name)];

        Assert.Equal(
            ["Sample__BaseUrl", "Sample__PageSize", "Sample__Retry__MaxAttempts", "Sample__Timeout", "Sample__TradingPartners"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void List_options_are_satisfied_by_any_indexed_entry()
    {
        RequiredSetting list = Assert.Single(
            AppSettingDiscovery.FromOptionsTypes([typeof(SampleConnectorOptions)]), s => s.IsPrefix);

        Assert.True(list.IsSatisfiedBy(["Sample__TradingPartners__0"]));
        Assert.False(list.IsSatisfiedBy(["Sample__TradingPartners"]));
    }

    [Fact]
    public void Discovery_includes_every_named_setting()
    {
        IEnumerable<string> discovered = AppSettingDiscovery.All().Select(s => s.Name);

        Assert.All(AppSettingNames.All, name => Assert.Contains(name, discovered));
    }

    [ConfigurationSection("Sample")]
    private sealed class SampleConnectorOptions
    {
        public Uri? BaseUrl { get; set; }

        public int PageSize { get; set; } = 100;

        public TimeSpan? Timeout { get; set; }

        public SampleRetry Retry { get; set; } = new();

        public IList<string> TradingPartners { get; set; } = [];

        public string Computed => $"{BaseUrl}/{PageSize}";

        public string ReadOnlyFromCode { get; } = "fixed";
    }

    private sealed class SampleRetry
    {
        public int MaxAttempts { get; set; } = 3;
    }
}
