using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlConnector.Connectors.Configuration;

/// <summary>
/// Start-up validation of an options class's data annotations whose failures name the setting a person edits
/// (<c>Procurify__ClientId</c>), where the built-in validation names only the class and the C# property.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Validates the bound options' annotations at start; <paramref name="section"/> is the section they are bound from.</summary>
    public static OptionsBuilder<TOptions> ValidateSettingsOnStart<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new NamedSettingValidator<TOptions>(builder.Name, section));
        return builder.ValidateOnStart();
    }

    /// <summary>The failure as a person reads it: <c>Procurify__ClientId: The ClientId field is required.</c></summary>
    internal static string Describe(string section, ValidationResult result)
    {
        var settings = result.MemberNames.Where(member => !string.IsNullOrEmpty(member)).Select(member => $"{section}__{member}").ToList();
        return $"{(settings.Count == 0 ? section : string.Join(", ", settings))}: {result.ErrorMessage}";
    }

    private sealed class NamedSettingValidator<TOptions>(string? optionsName, string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (optionsName is not null && optionsName != name)
            {
                return ValidateOptionsResult.Skip;
            }

            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(result => Describe(section, result)));
        }
    }
}
