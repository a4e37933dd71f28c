using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MlConnector.Cli.Bench;

/// <summary>
/// Every figure the bench printed, beside its target and verdict, kept for `--json` so runs of different commits can be
/// compared by a script (CI keeps the file with the test results).
/// </summary>
public sealed class BenchFigures
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<BenchFigure> _figures = [];

    public IReadOnlyList<BenchFigure> All => _figures;

    /// <param name="target">The target as printed (">= 140"), or null where there is none.</param>
    /// <param name="met">Whether the target was met; null where there is none or it is not judged.</param>
    public void Add(string scenario, string measure, double value, string unit, string? target = null, bool? met = null) =>
        _figures.Add(new BenchFigure(scenario, measure, Math.Round(value, 4), unit, target, met));

    public async Task WriteAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var document = new
        {
            At = DateTimeOffset.UtcNow,
            Commit = Commit(),
            Machine = new { Cores = Environment.ProcessorCount, Os = RuntimeInformation.OSDescription, Framework = RuntimeInformation.FrameworkDescription, LoadAverage = LoadAverage() },
            DurationSeconds = Math.Round(duration.TotalSeconds, 1),
            Figures = _figures,
        };
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, JsonOptions, cancellationToken);
    }

    /// <summary>The 1-minute load average (Linux), so a reader can tell an idle run from a loaded one; null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string? Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

public sealed record BenchFigure(string Scenario, string Measure, double Value, string Unit, string? Target, bool? Met);
