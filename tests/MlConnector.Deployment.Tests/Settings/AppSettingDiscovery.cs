using System.Collections;
using System.Reflection;
using MlConnector.Core.Configuration;

namespace MlConnector.Deployment.Tests.Settings;

/// <summary>
/// Every app setting the product reads, found by reflection so options classes added on other branches are
/// checked as soon as they land: the names in <see cref="AppSettingNames"/>, and <c>{Section}__{Property}</c>
/// for each public settable property of each <see cref="ConfigurationSectionAttribute"/> class.
/// </summary>
internal static class AppSettingDiscovery
{
    internal static IReadOnlyList<RequiredSetting> All() =>
        [.. NamedSettings().Concat(FromOptionsTypes(OptionsTypes())).DistinctBy(s => s.Name).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Every <see cref="ConfigurationSectionAttribute"/> options class of the product.</summary>
    internal static IReadOnlyList<Type> OptionsTypes() =>
        [.. ProductAssemblies().SelectMany(LoadableTypes).Where(t => t.GetCustomAttribute<ConfigurationSectionAttribute>() is not null)];

    /// <summary>The constants of <see cref="AppSettingNames"/>, read by reflection.</summary>
    internal static IEnumerable<RequiredSetting> NamedSettings() =>
        typeof(AppSettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => new RequiredSetting((string)f.GetRawConstantValue()!, $"{nameof(AppSettingNames)}.{f.Name}", IsPrefix: false));

    internal static IEnumerable<RequiredSetting> FromOptionsTypes(IEnumerable<Type> optionsTypes) =>
        optionsTypes.SelectMany(type =>
        {
            string section = type.GetCustomAttribute<ConfigurationSectionAttribute>()!.Section;
            return Properties(type, section, type.FullName ?? type.Name, depth: 0);
        });

    private static IEnumerable<RequiredSetting> Properties(Type type, string prefix, string origin, int depth)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            string name = $"{prefix}__{property.Name}";
            string from = $"{origin}.{property.Name}";
            Type valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(valueType) || depth >= 3)
            {
                yield return new RequiredSetting(name, from, IsPrefix: false, IsLeaf(valueType) ? valueType : null);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                // Lists and maps bind from Name__0, Name__key...: at least one entry must be configured.
                yield return new RequiredSetting(name, from, IsPrefix: true);
            }
            else
            {
                foreach (RequiredSetting nested in Properties(valueType, name, from, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
        type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(DateTime) ||
        type == typeof(Uri) || type == typeof(Guid);

    private static IEnumerable<Assembly> ProductAssemblies()
    {
        string self = typeof(AppSettingDiscovery).Assembly.GetName().Name!;
        foreach (string path in Directory.EnumerateFiles(AppContext.BaseDirectory, "MlConnector.*.dll"))
        {
            AssemblyName name = AssemblyName.GetAssemblyName(path);
            if (name.Name == self || name.Name!.EndsWith(".Tests", StringComparison.Ordinal))
            {
                continue;
            }

            yield return Assembly.Load(name);
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}

/// <summary>
/// An app setting the code reads; <paramref name="IsPrefix"/> for list/map options bound from Name__*;
/// <paramref name="ValueType"/> is the property type an options value binds to (null for plain names).
/// </summary>
internal sealed record RequiredSetting(string Name, string ReadBy, bool IsPrefix, Type? ValueType = null)
{
    public bool IsSatisfiedBy(IReadOnlyCollection<string> keys) =>
        IsPrefix
            ? keys.Any(k => k.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase))
            : keys.Contains(Name, StringComparer.OrdinalIgnoreCase);
}
