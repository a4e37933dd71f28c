using MlConnector.Runtime.Azurite;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>
/// Where `mlc` was built: the CLI project's own output folder for the configuration these tests were built in (the
/// test project references the CLI so that it is built first), run with `dotnet mlc.dll` as an operator's shell would.
/// </summary>
internal static class MlcExecutable
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        var root = AzuriteProcess.FindRepositoryRoot() ?? throw new InvalidOperationException("The repository root (MlConnector.sln) was not found above the test folder.");
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? "Debug";
        var path = Path.Combine(root, "cli", "MlConnector.Cli", "bin", configuration, framework.Name, "mlc.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"mlc was not built at {path}: build the solution first.");
    }
}
