using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MlConnector.Pipeline.Storage;

/// <summary>
/// Counts every HTTP request the storage clients send (retries included), in total and by kind ("queue send",
/// "table merge", ...), so the benchmark reports storage operations per record from the real clients, not estimates.
/// Each client gets the policy of its service (<see cref="PolicyFor"/>).
/// </summary>
public sealed class StorageOperationCounter
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>A snapshot of the counts by kind.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    public HttpPipelinePolicy PolicyFor(StorageService service) => new CountingPolicy(this, service);

    private void Record(StorageService service, Request request)
    {
        Interlocked.Increment(ref _count);
        _byKind.AddOrUpdate(StorageOperationKind.Of(service, request.Method.Method, request.Uri.ToUri()), 1, (_, count) => count + 1);
    }

    private sealed class CountingPolicy(StorageOperationCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Record(service, message.Request);
    }
}

public enum StorageService
{
    Queue,
    Table,
    Blob,
}
