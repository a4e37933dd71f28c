using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace MlConnector.Pipeline.Configuration;

/// <summary>
/// The one rule for settings that are present but empty, in every host: empty means "use the default", exactly as
/// if the setting were absent. Deployments list every setting the code reads (the Bicep and the sample must), most
/// of them empty, and the configuration binder cannot turn '' into a number, a boolean or a time span.
/// </summary>
public static class EmptySettings
{
    /// <summary>A live view of <paramref name="configuration"/> in which empty values do not exist.</summary>
    public static IConfiguration WithEmptyAsDefault(this IConfiguration configuration) =>
        new ConfigurationRoot([new EmptyAsAbsentProvider(configuration)]);

    /// <summary>The setting's value, or null when it is absent or empty.</summary>
    public static string? ValueOrNull(this IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : null;

    private sealed class EmptyAsAbsentProvider(IConfiguration inner) : IConfigurationProvider
    {
        public bool TryGet(string key, out string? value)
        {
            value = inner[key];
            return !string.IsNullOrEmpty(value);
        }

        public void Set(string key, string? value) => inner[key] = value;

        public IChangeToken GetReloadToken() => inner is IConfigurationRoot root ? root.GetReloadToken() : inner.GetReloadToken();

        public void Load()
        {
        }

        public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            var parent = parentPath is null ? inner : inner.GetSection(parentPath);
            var present = parent.GetChildren()
                .Where(child => !string.IsNullOrEmpty(child.Value) || child.GetChildren().Any())
                .Select(child => child.Key);
            return earlierKeys.Concat(present).Order(ConfigurationKeyComparer.Instance);
        }
    }
}
