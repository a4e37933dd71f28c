using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>
/// One `mlc run` in a process of its own, started as an operator starts it, stopped as an operator or a service manager
/// stops it (SIGTERM, SIGINT) or killed outright (SIGKILL). Everything it prints goes to a log file for the secret scan.
/// </summary>
internal sealed class RuntimeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();

    private RuntimeProcess(string name, Process process, StreamWriter log, int port, string logFile)
    {
        Name = name;
        LogFile = logFile;
        _process = process;
        _log = log;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>Where its standard output and error go.</summary>
    public string LogFile { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    /// <summary>Starts `mlc run --settings <paramref name="settingsFile"/>` on a free loopback port; returns once it answers.</summary>
    public static async Task<RuntimeProcess> StartAsync(string name, string settingsFile, string logFile, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(settingsFile)!,
        };
        foreach (var argument in new[] { MlcExecutable.DllPath, "run", "--settings", settingsFile, "--url", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start mlc run.");
        var runtime = new RuntimeProcess(name, process, log, port, logFile);
        process.OutputDataReceived += (_, line) => runtime.Write(line.Data);
        process.ErrorDataReceived += (_, line) => runtime.Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await runtime.WaitUntilAnsweringAsync(cancellationToken);
        return runtime;
    }

    /// <summary>Sends a signal the way `kill -s` does (TERM as systemd stops a service, INT as Ctrl+C).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>kill -9: no cleanup of any kind.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
    }

    /// <summary>Waits for the process to end; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        KillHard();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_logGate)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.WriteLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mlc run ({Name}) exited at start with code {_process.ExitCode}; see its log.");
            }

            try
            {
                // Any answer will do (a 404 for the root): the listener opens once every hosted service has started.
                using var answer = await http.GetAsync("/", cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"mlc run ({Name}) did not answer within two minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
