namespace MlConnector.Core.Configuration;

/// <summary>
/// Marks an options class bound from a configuration section. Every public settable property becomes the
/// app setting <c>{Section}__{Property}</c>; a deployment test checks each one appears in
/// local.settings.sample.json and in the Bicep app settings.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConfigurationSectionAttribute(string section) : Attribute
{
    public string Section { get; } = section;
}
