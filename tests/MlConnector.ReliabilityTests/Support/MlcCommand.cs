using System.Diagnostics;
using System.Text;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>What one `mlc` command printed (both streams, and standard error alone) and how it ended; <see cref="ExitCode"/> is null when it was still running at the deadline.</summary>
internal sealed record MlcOutcome(int? ExitCode, string Output, string Errors)
{
    /// <summary>A .NET stack trace in the output: what an operator must never be shown for a mistake of theirs.</summary>
    public bool ShowsStackTrace => Output.Split('\n').Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains('(', StringComparison.Ordinal))
        || Output.Contains("Unhandled exception", StringComparison.Ordinal);

    /// <summary>
    /// What it said went wrong, on one line: standard error (the parser's complaints) and the CLI's "error:" message with
    /// the lines the console wrapped it onto.
    /// </summary>
    public string Complaint
    {
        get
        {
            var lines = Output.Split('\n').Select(line => line.Trim()).ToList();
            var first = lines.FindIndex(line => line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("unexpected error:", StringComparison.Ordinal));
            var said = first < 0 ? string.Empty : string.Join(' ', lines.Skip(first).Where(line => line.Length > 0));
            return string.Join(' ', new[] { Errors.ReplaceLineEndings(" ").Trim(), said }.Where(part => part.Length > 0).Distinct());
        }
    }
}

/// <summary>Runs the built `mlc` as an operator's shell does (`dotnet mlc.dll ...`), in a folder of the test's choosing.</summary>
internal static class MlcCommand
{
    /// <param name="stillRunningAfter">For a long-running command (`mlc run`): once a line containing <paramref name="startedMarker"/> was printed, how long it must stay up to count as started; it is then stopped.</param>
    public static async Task<MlcOutcome> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, string? startedMarker = null, TimeSpan? stillRunningAfter = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(MlcExecutable.DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        void Take(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (startedMarker is not null && line.Contains(startedMarker, StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        }

        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Take(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Take(e.Data);
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var exited = process.WaitForExitAsync(deadline.Token);
            var up = started.Task.WaitAsync(deadline.Token);
            if (startedMarker is not null && await Task.WhenAny(exited, up) == up)
            {
                // Up and listening: a refusal found later (a hosted service failing) must still end it within the grace.
                await Task.WhenAny(exited, Task.Delay(stillRunningAfter ?? TimeSpan.FromSeconds(8), deadline.Token));
            }

            if (!process.HasExited && startedMarker is not null && started.Task.IsCompleted)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                return new MlcOutcome(null, Text(output), Text(errors));
            }

            await exited;
            process.WaitForExit(); // the redirected output is complete only after this overload
            return new MlcOutcome(process.ExitCode, Text(output), Text(errors));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new MlcOutcome(null, Text(output) + $"\n(still running after {timeout.TotalSeconds:0} s)", Text(errors));
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
