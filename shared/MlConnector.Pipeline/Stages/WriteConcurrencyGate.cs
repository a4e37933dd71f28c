using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MlConnector.Pipeline.Stages;

/// <summary>Caps concurrent target calls per flow at <see cref="PipelineOptions.MaxConcurrentWrites"/> (no cap when 0).</summary>
public sealed class WriteConcurrencyGate(IOptions<PipelineOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perFlow = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string flow, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxConcurrentWrites;
        if (limit <= 0)
        {
            return await write();
        }

        var gate = _perFlow.GetOrAdd(flow, _ => new SemaphoreSlim(limit, limit));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in _perFlow.Values)
        {
            gate.Dispose();
        }
    }
}
