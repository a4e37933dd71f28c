using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// The built worker, started the way the Functions host starts a dotnet-isolated worker: <c>dotnet &lt;app&gt;.dll</c>
/// from worker.config.json, the app folder as working directory, the host's argument line, and the app settings as
/// environment variables beside the directories the host adds.
/// </summary>
/// <remarks>
/// Argument line: Azure/azure-functions-host src/WebJobs.Script/Workers/Rpc/RpcWorkerContext.cs (GetFormattedArguments);
/// environment: src/WebJobs.Script/Workers/Rpc/RpcWorkerProcess.cs (FUNCTIONS_WORKER_DIRECTORY, FUNCTIONS_APPLICATION_DIRECTORY);
/// start info: src/WebJobs.Script/Workers/ProcessManagement/DefaultWorkerProcessFactory.cs.
/// </remarks>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>RpcWorkerConstants.DefaultMaxMessageLengthBytes in the host.</summary>
    public const int MaxMessageLength = int.MaxValue;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process, string workerId)
    {
        _process = process;
        WorkerId = workerId;
    }

    public string WorkerId { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the worker wrote to stdout and stderr (the host keeps it as the worker's console log).</summary>
    public string Output => string.Join('\n', _output);

    public static WorkerProcess Start(string appDirectory, Uri hostGrpcUri, IReadOnlyDictionary<string, string> appSettings)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(appDirectory, WorkerConfig.Read(appDirectory).WorkerPath),
            "--host", hostGrpcUri.Host, "--port", hostGrpcUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", hostGrpcUri.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxLength,
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in appSettings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_RUNTIME_VERSION"] = "10.0";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, workerId);
        process.OutputDataReceived += (_, line) => worker.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the process to end by itself (a start-up failure), or gives up after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>The dotnet host running this test (the SDK sets DOTNET_HOST_PATH for test runs), else the one on PATH.</summary>
    private static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
