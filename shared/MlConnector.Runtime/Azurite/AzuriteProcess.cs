using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlConnector.Runtime.Azurite;

/// <summary>
/// Starts the repository's own Azurite (installed by scripts/install-azurite.sh into .tools/azurite) on free
/// loopback ports, waits until it answers, and stops it on dispose. Used by the demo, the benchmark and the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's fixed development account key: public and documented, not a secret.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private string? _scratchDirectory;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentAccountKey + ";" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The folder holding Azurite's data; null when it keeps everything in memory.</summary>
    public string? DataDirectory { get; private set; }

    /// <summary>CPU time Azurite has used so far (the benchmark reports who was busy: Azurite or the pipeline).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts Azurite with its data in a new scratch folder (in /dev/shm when the machine has it), deleted on
    /// dispose. For runs that push tens of thousands of queue messages: the in-memory store keeps each message as
    /// an extent of its own, and its once-a-minute garbage collection removes them one by one, re-sorting an
    /// index over all of them each time, which blocks Azurite's only thread for minutes. The file store packs
    /// messages into shared extent files, so its collection stays cheap.
    /// </summary>
    public static async Task<AzuriteProcess> StartScratchAsync(CancellationToken cancellationToken = default)
    {
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var directory = Path.Combine(parent, "mlc-azurite-" + Guid.NewGuid().ToString("N"));
        try
        {
            var azurite = await StartAsync(directory, cancellationToken);
            azurite._scratchDirectory = directory;
            return azurite;
        }
        catch
        {
            DeleteQuietly(directory);
            throw;
        }
    }

    /// <param name="dataDirectory">Where Azurite keeps its data; null keeps everything in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(string? dataDirectory, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort()).ToArray();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, ports[0], ports[1], ports[2]) { DataDirectory = dataDirectory };
        try
        {
            await WaitUntilListeningAsync(process, ports, cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_scratchDirectory is not null)
        {
            DeleteQuietly(_scratchDirectory);
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A scratch folder left behind costs space, not correctness; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The repository root: the nearest folder up from here that holds MlConnector.sln.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MlConnector.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static string FindExecutable()
    {
        var overridden = Environment.GetEnvironmentVariable("MLC_AZURITE");
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }

        var root = FindRepositoryRoot();
        var candidate = root is null ? null : Path.Combine(root, ".tools", "azurite", "node_modules", ".bin", "azurite");
        return candidate is not null && File.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException("Azurite is not installed: run scripts/install-azurite.sh (the test and demo scripts do it for you).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(Process process, int[] ports, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited at start with code {process.ExitCode}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                // Generous: on a loaded 2-core machine (a whole test suite starting several Azurites) node can take this long.
                catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(90))
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }
}
