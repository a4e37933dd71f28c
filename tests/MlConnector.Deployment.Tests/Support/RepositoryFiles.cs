namespace MlConnector.Deployment.Tests.Support;

/// <summary>Finds files of the repository under test, from the test's output folder upwards.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    internal static string Root => RootPath.Value;

    internal static string PathOf(params string[] relative) => Path.Combine([Root, .. relative]);

    internal static string Read(params string[] relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) &&
                Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (Directory.Packages.props beside infra/) above {AppContext.BaseDirectory}.");
    }
}
