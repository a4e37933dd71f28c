using Azure.Core;
using Azure.Core.Pipeline;

namespace MlConnector.Pipeline.Storage;

/// <summary>Counts every HTTP request the storage clients send, so the benchmark can report storage operations per record.</summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
