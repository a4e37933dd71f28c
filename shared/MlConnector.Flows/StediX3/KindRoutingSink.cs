using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>One flow, several document kinds (855 confirmations and 856 receipts): each document goes to the sink of its kind.</summary>
public sealed class KindRoutingSink(IReadOnlyDictionary<string, ITargetSink> sinks) : ITargetSink
{
    public Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return sinks.TryGetValue(request.Document.Kind, out var sink)
            ? sink.WriteAsync(request, cancellationToken)
            : throw new TargetWriteException($"No sink writes '{request.Document.Kind}' documents in this flow.", isTransient: false);
    }
}
