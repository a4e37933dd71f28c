using System.Diagnostics;
using System.Reflection;

namespace MlConnector.IntegrationTests.Cli;

/// <summary>
/// mlc as a customer gets it: the built CLI packed as a .NET tool (dotnet pack), then installed from that package into a
/// scratch tool path (dotnet tool install --tool-path --add-source). Shared by the tests of one class.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public const string PackageId = "MlConnector.Cli";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mlc-tool-");

    /// <summary>The installed command (the tool shim).</summary>
    public string Mlc => Path.Combine(_root.FullName, "tools", OperatingSystem.IsWindows() ? "mlc.exe" : "mlc");

    public string Scratch => _root.FullName;

    /// <summary>The dotnet running these tests; the tool shim finds its runtime through DOTNET_ROOT.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    public static string DotnetRoot => Path.GetDirectoryName(Path.GetFullPath(Dotnet == "dotnet" ? Environment.ProcessPath! : Dotnet))!;

    public async Task InitializeAsync()
    {
        var metadata = typeof(InstalledTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        var packages = Path.Combine(_root.FullName, "packages");
        await RunAsync(Dotnet, ["pack", metadata["CliProject"], "--no-build", "-c", metadata["Configuration"], "-o", packages, "--nologo"]);
        await RunAsync(Dotnet, ["tool", "install", PackageId, "--tool-path", Path.Combine(_root.FullName, "tools"), "--add-source", packages, "--ignore-failed-sources"]);
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs a command to its end; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{executable} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{text}");
    }
}
