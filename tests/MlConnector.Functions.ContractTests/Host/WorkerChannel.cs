using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// The host's end of one worker's EventStream: messages to the worker go out in order, each answer is matched to
/// its request by <c>request_id</c> (the worker echoes it), and the worker's own log messages are kept for failure reports.
/// </summary>
public sealed class WorkerChannel
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<StartStream> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the worker logged to the host (RpcLog), oldest first.</summary>
    public ConcurrentQueue<RpcLog> Logs { get; } = new();

    /// <summary>Completes with the worker's StartStream: the first message a worker sends once it has connected.</summary>
    public Task<StartStream> Started => _started.Task;

    /// <summary>Completes when the worker closes its stream (it stopped or crashed).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Runs for as long as the worker keeps its EventStream open.</summary>
    public async Task ServeAsync(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        var writing = Task.Run(async () =>
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await toWorker.WriteAsync(message, cancellationToken);
            }
        }, cancellationToken);
        try
        {
            while (await fromWorker.MoveNext(cancellationToken))
            {
                Dispatch(fromWorker.Current);
            }
        }
        finally
        {
            _closed.TrySetResult();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The worker closed its EventStream before answering."));
            }
        }

        _outbound.Writer.TryComplete();
        await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Sends a host request and waits for the worker's answer to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout)
    {
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.RequestId] = answer;
        await _outbound.Writer.WriteAsync(request);
        try
        {
            return await answer.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker did not answer {request.ContentCase} within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message that has no answer (WorkerTerminate).</summary>
    public ValueTask SendAsync(StreamingMessage message) => _outbound.Writer.WriteAsync(message);

    /// <summary>The worker's log lines, newest last, for assertion messages.</summary>
    public string LogText(string? invocationId = null) => string.Join('\n', Logs
        .Where(log => invocationId is null || log.InvocationId == invocationId)
        .Select(log => $"[{log.Level}] {log.Category}: {log.Message}{(log.Exception is { } e ? " -- " + e.Message : string.Empty)}"));

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult(message.StartStream);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Logs.Enqueue(message.RpcLog);
                break;
            default:
                if (_pending.TryGetValue(message.RequestId, out var answer))
                {
                    answer.TrySetResult(message);
                }

                break;
        }
    }
}
