using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Infrastructure;

/// <summary>Where scripts/lint-bicep.sh finds the Bicep CLI: the pinned NuGet package in the global packages folder.</summary>
internal static partial class BicepCli
{
    internal static string? Version =>
        PinnedVersion().Match(RepositoryFiles.Read("Directory.Packages.props")) is { Success: true } m ? m.Groups["version"].Value : null;

    internal static string BinaryPath
    {
        get
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "azure.bicep.commandline.linux-x64", Version ?? "unpinned", "tools", "bicep");
        }
    }

    internal static bool IsAvailable => OperatingSystem.IsLinux() && File.Exists(BinaryPath);

    [GeneratedRegex(@"Include=""Azure\.Bicep\.CommandLine\.linux-x64"" Version=""(?<version>[^""]+)""")]
    private static partial Regex PinnedVersion();
}

/// <summary>Skips (visibly) where the Bicep CLI has not been restored, e.g. a Windows box; the script itself restores it.</summary>
internal sealed class BicepFactAttribute : FactAttribute
{
    public BicepFactAttribute()
    {
        if (!BicepCli.IsAvailable)
        {
            Skip = $"Bicep CLI not restored at {BicepCli.BinaryPath}; run scripts/lint-bicep.sh (it restores infra/tools/BicepCli.csproj).";
        }
    }
}
