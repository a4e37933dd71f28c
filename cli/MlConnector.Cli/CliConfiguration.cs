using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace MlConnector.Cli;

/// <summary>
/// The CLI reads the same settings as the Functions app: the "Values" of a local.settings.json (names with
/// "__" become sections), then environment variables. One file configures both hosts.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Load(FileInfo? settingsFile)
    {
        var builder = new ConfigurationBuilder();
        var file = settingsFile ?? new FileInfo("local.settings.json");
        if (file.Exists)
        {
            builder.AddInMemoryCollection(ReadValues(file));
        }
        else if (settingsFile is not null)
        {
            throw new UserErrorException($"Settings file {settingsFile.FullName} does not exist.");
        }

        builder.AddEnvironmentVariables();
        return builder.Build();
    }

    private static Dictionary<string, string?> ReadValues(FileInfo file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file.FullName));
            if (!document.RootElement.TryGetProperty("Values", out var values))
            {
                throw new UserErrorException($"{file.Name} has no \"Values\" object (the local.settings.json format).");
            }

            return values.EnumerateObject().ToDictionary(
                property => property.Name.Replace("__", ":", StringComparison.Ordinal),
                property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
        }
        catch (JsonException ex)
        {
            throw new UserErrorException($"{file.Name} is not valid JSON: {ex.Message}");
        }
    }
}

/// <summary>A mistake the user can fix: printed as one line, exit code 1, no stack trace.</summary>
public sealed class UserErrorException(string message) : Exception(message);
