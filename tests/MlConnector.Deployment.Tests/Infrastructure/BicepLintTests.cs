using System.Diagnostics;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Infrastructure;

public sealed class BicepLintTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [BicepFact]
    public async Task Lint_script_builds_and_lints_every_template_without_warnings()
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("scripts", "lint-bicep.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);

        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"scripts/lint-bicep.sh exited {process.ExitCode}:\n{output}");
        Assert.Contains("0 warnings, 0 errors", output, StringComparison.Ordinal);
    }
}
