using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// A stand-in for the Azure Functions host, built from what the host does and no more: a gRPC server the worker
/// dials, the worker process started with the host's arguments, the start-up exchange (WorkerInitRequest,
/// FunctionsMetadataRequest, one FunctionLoadRequest per function), invocations, and an HTTP front door that
/// forwards requests to the worker's own HTTP endpoint the way the host proxies HTTP triggers.
/// </summary>
/// <remarks>
/// Message order and contents: Azure/azure-functions-host src/WebJobs.Script.Grpc/Channel/GrpcWorkerChannel.cs
/// (SendWorkerInitRequest, GetWorkerInitRequest, SendFunctionMetadataRequest, GetFunctionLoadRequest, SendInvocationRequest).
/// </remarks>
public sealed class FunctionsTestHost : IAsyncDisposable
{
    /// <summary>The host version this stand-in reports in WorkerInitRequest.</summary>
    public const string HostVersion = "4.1040.0.0";

    /// <summary>The function key the front door expects for AuthorizationLevel.Function routes.</summary>
    public const string FunctionKey = "contract-test-function-key";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    private readonly WebApplication _grpc;
    private readonly WorkerChannel _channel;
    private readonly ConcurrentDictionary<string, FunctionEntry> _functions = new(StringComparer.OrdinalIgnoreCase);
    private HostFrontDoor? _frontDoor;

    private FunctionsTestHost(WebApplication grpc, WorkerChannel channel, WorkerProcess worker, string appDirectory)
    {
        _grpc = grpc;
        _channel = channel;
        Worker = worker;
        AppDirectory = appDirectory;
    }

    public WorkerProcess Worker { get; }

    public WorkerChannel Channel => _channel;

    public string AppDirectory { get; }

    /// <summary>The capabilities the worker declared in its WorkerInitResponse.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The worker's answer to each FunctionLoadRequest, by function name.</summary>
    public IReadOnlyDictionary<string, FunctionLoadResponse> LoadResponses { get; private set; } = new Dictionary<string, FunctionLoadResponse>();

    /// <summary>The functions the worker indexed, by name.</summary>
    public IReadOnlyDictionary<string, FunctionEntry> Functions => _functions;

    /// <summary>The address callers use, as they would use https://&lt;app&gt;.azurewebsites.net/.</summary>
    public Uri FrontDoor => _frontDoor?.Address ?? throw new InvalidOperationException("Start the front door first.");

    /// <summary>Every HTTP call the front door forwarded, with the worker's InvocationResponse for it.</summary>
    public IReadOnlyCollection<ProxiedCall> ProxiedCalls => _frontDoor?.Calls ?? [];

    /// <summary>Starts the gRPC server, then the worker, and waits for the worker's StartStream.</summary>
    public static async Task<FunctionsTestHost> StartWorkerAsync(string appDirectory, IReadOnlyDictionary<string, string> appSettings)
    {
        var channel = new WorkerChannel();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var grpc = builder.Build();
        grpc.MapGrpcService<FunctionRpcService>();
        await grpc.StartAsync();
        var grpcUri = new Uri(grpc.Urls.Single());

        var worker = WorkerProcess.Start(appDirectory, grpcUri, appSettings);
        var host = new FunctionsTestHost(grpc, channel, worker, appDirectory);
        var exited = Task.Run(async () => await worker.WaitForExitAsync(StartTimeout));
        var first = await Task.WhenAny(channel.Started, exited);
        if (first != channel.Started)
        {
            var output = worker.HasExited ? $"exited with code {worker.ExitCode}" : $"did not connect within {StartTimeout.TotalSeconds:0} s";
            await host.DisposeAsync();
            throw new WorkerStartException($"The worker {output} before its StartStream.\n{worker.Output}", worker.Output);
        }

        var started = await channel.Started;
        if (started.WorkerId != worker.WorkerId)
        {
            await host.DisposeAsync();
            throw new WorkerStartException($"The worker answered with worker id '{started.WorkerId}', not the '{worker.WorkerId}' it was given.", worker.Output);
        }

        return host;
    }

    /// <summary>WorkerInitRequest as the host sends it; returns the worker's answer.</summary>
    public async Task<WorkerInitResponse> InitializeAsync()
    {
        var request = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = AppDirectory,
            FunctionAppDirectory = AppDirectory,
        };
        request.Capabilities.Add("MultiStream", "10");
        var answer = await RequestAsync(new StreamingMessage { WorkerInitRequest = request });
        var response = answer.WorkerInitResponse ?? throw new InvalidOperationException($"Expected a WorkerInitResponse, got {answer.ContentCase}.");
        Capabilities = new Dictionary<string, string>(response.Capabilities);
        return response;
    }

    /// <summary>FunctionsMetadataRequest (worker indexing); keeps each function's metadata for loading and invoking.</summary>
    public async Task<FunctionMetadataResponse> IndexAsync()
    {
        var answer = await RequestAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory } });
        var response = answer.FunctionMetadataResponse ?? throw new InvalidOperationException($"Expected a FunctionMetadataResponse, got {answer.ContentCase}.");
        foreach (var metadata in response.FunctionMetadataResults)
        {
            _functions[metadata.Name] = FunctionEntry.From(metadata);
        }

        return response;
    }

    /// <summary>One FunctionLoadRequest per indexed function, as the host sends them to a worker without the collection capability.</summary>
    public async Task<IReadOnlyDictionary<string, FunctionLoadResponse>> LoadAllAsync()
    {
        var loads = _functions.Values.Select(async function =>
        {
            var request = new FunctionLoadRequest
            {
                FunctionId = function.Metadata.FunctionId,
                Metadata = new RpcFunctionMetadata
                {
                    Name = function.Name,
                    Directory = function.Metadata.Directory,
                    EntryPoint = function.Metadata.EntryPoint,
                    ScriptFile = function.Metadata.ScriptFile,
                    IsProxy = false,
                },
            };
            request.Metadata.Bindings.Add(function.Metadata.Bindings);
            request.Metadata.Properties.Add(function.Metadata.Properties);
            var answer = await RequestAsync(new StreamingMessage { FunctionLoadRequest = request });
            return (function.Name, Response: answer.FunctionLoadResponse);
        });
        LoadResponses = (await Task.WhenAll(loads)).ToDictionary(load => load.Name, load => load.Response, StringComparer.OrdinalIgnoreCase);
        return LoadResponses;
    }

    /// <summary>Starts everything a caller needs: init, index, load; throws with the worker's logs when a step fails.</summary>
    public async Task StartFunctionsAsync()
    {
        var init = await InitializeAsync();
        EnsureSuccess(init.Result, "WorkerInitRequest");
        var index = await IndexAsync();
        EnsureSuccess(index.Result, "FunctionsMetadataRequest");
        foreach (var (name, load) in await LoadAllAsync())
        {
            EnsureSuccess(load.Result, $"FunctionLoadRequest for {name}");
        }
    }

    /// <summary>Sends one InvocationRequest and waits for its InvocationResponse.</summary>
    public async Task<InvocationResponse> InvokeAsync(string functionName, IEnumerable<ParameterBinding> inputs, IReadOnlyDictionary<string, TypedData>? triggerMetadata = null, string? invocationId = null)
    {
        var function = Function(functionName);
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = function.Metadata.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = TraceParent.New() },
        };
        request.InputData.Add(inputs);
        if (triggerMetadata is not null)
        {
            foreach (var (name, value) in triggerMetadata)
            {
                request.TriggerMetadata[name] = value;
            }
        }

        var answer = await RequestAsync(new StreamingMessage { InvocationRequest = request });
        return answer.InvocationResponse ?? throw new InvalidOperationException($"Expected an InvocationResponse, got {answer.ContentCase}.");
    }

    /// <summary>Opens the HTTP front door that forwards to the worker's HttpUri capability.</summary>
    public async Task StartFrontDoorAsync()
    {
        if (!Capabilities.TryGetValue("HttpUri", out var httpUri) || string.IsNullOrEmpty(httpUri))
        {
            throw new InvalidOperationException("The worker declared no HttpUri capability: it does not serve HTTP triggers through ASP.NET Core.");
        }

        _frontDoor = await HostFrontDoor.StartAsync(this, new Uri(httpUri), RoutePrefix.Read(AppDirectory));
    }

    public FunctionEntry Function(string name) =>
        _functions.TryGetValue(name, out var function) ? function : throw new InvalidOperationException($"The worker indexed no function named {name}.");

    public Task<StreamingMessage> RequestAsync(StreamingMessage request) => _channel.RequestAsync(request, AnswerTimeout);

    public async ValueTask DisposeAsync()
    {
        if (_frontDoor is not null)
        {
            await _frontDoor.DisposeAsync();
        }

        if (!Worker.HasExited && !_channel.Closed.IsCompleted)
        {
            await _channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate() });
            await Worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        await Worker.DisposeAsync();
        await _grpc.StopAsync();
        await _grpc.DisposeAsync();
    }

    private void EnsureSuccess(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{step} failed: {result.Exception?.Message}\n{result.Exception?.StackTrace}\nWorker log:\n{_channel.LogText()}\n{Worker.Output}");
        }
    }
}

public sealed class WorkerStartException(string message, string output) : Exception(message)
{
    public string Output { get; } = output;
}
