using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>A source whose records a test edits between polls, paged by key (not by change time, the harder case).</summary>
public sealed class ScriptedSource(TimeProvider time) : ISourceStream
{
    private readonly ConcurrentDictionary<string, (int Version, DateTimeOffset ModifiedAt, string Body)> _records = new(StringComparer.Ordinal);

    public StreamDefinition Definition { get; set; } = new()
    {
        Name = "items",
        CursorField = "modifiedAt",
        PageSize = 2,
        OverlapWindow = TimeSpan.Zero,
        OrderedByCursorField = false,
    };

    /// <summary>Runs after each page is handed out: lets a test change records while a poll is under way.</summary>
    public Func<int, Task>? AfterPage { get; set; }

    /// <summary>Throws after this many pages (a crash mid-run), once.</summary>
    public int? CrashAfterPages { get; set; }

    public void Put(string key, string body = "{}")
    {
        var now = time.GetUtcNow();
        _records.AddOrUpdate(key, _ => (1, now, body), (_, old) => (old.Version + 1, now, body));
    }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = _records.Keys.Order(StringComparer.Ordinal).ToList();
        var pageNumber = 0;
        foreach (var chunk in keys.Chunk(Definition.PageSize))
        {
            var page = chunk
                .Select(key => (key, record: _records[key]))
                .Where(item => from.Since is null || item.record.ModifiedAt >= from.Since)
                .Select(item => new SourceRecord(item.key, $"v{item.record.Version}", item.record.ModifiedAt, JsonDocument.Parse(item.record.Body).RootElement.Clone()))
                .ToList();
            pageNumber++;
            if (page.Count > 0)
            {
                yield return new SourcePage(page);
            }

            if (CrashAfterPages == pageNumber)
            {
                CrashAfterPages = null;
                throw new IOException("simulated crash after the page was enqueued");
            }

            if (AfterPage is { } hook)
            {
                await hook(pageNumber);
            }
        }
    }
}

/// <summary>Maps a record when the "test-supplier" mapping table knows its key's prefix; rejects it otherwise.</summary>
public sealed class PrefixMapper(IMappingTables mappings) : IRecordMapper
{
    public const string Table = "test-supplier";

    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var prefix = record.Key.Split('-')[0];
        var supplier = await mappings.LookupAsync(Table, prefix, cancellationToken);
        if (supplier is null)
        {
            return MapResult.Rejected($"Vendor '{prefix}' has no supplier: add it to the {Table} mapping");
        }

        var body = JsonSerializer.SerializeToElement(new { supplier, key = record.Key, payload = record.Payload }, CanonicalJson.Options);
        return MapResult.Mapped(new TargetDocument("test", record.Key, $"{record.Key} for {supplier}", body));
    }
}

/// <summary>A target that records what it was asked to write and can be told to fail.</summary>
public sealed class RecordingSink : ITargetSink
{
    private readonly ConcurrentQueue<WriteRequest> _writes = new();

    public IReadOnlyList<WriteRequest> Writes => _writes.ToArray();

    /// <summary>Thrown by every call while set.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Throws <paramref name="busy"/> for the next <paramref name="calls"/> calls, as a busy target would.</summary>
    public void BusyFor(int calls, TargetBusyException busy)
    {
        _busy = busy;
        Interlocked.Exchange(ref _busyCalls, calls);
    }

    private TargetBusyException? _busy;
    private int _busyCalls;

    /// <summary>How long each write takes (a slow target).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Completes when the first write has started.</summary>
    public TaskCompletionSource FirstWriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        FirstWriteStarted.TrySetResult();
        if (_busy is { } busy && Interlocked.Decrement(ref _busyCalls) >= 0)
        {
            throw busy;
        }

        if (FailWith is { } failure)
        {
            throw failure;
        }

        var inFlight = _inFlight.AddOrUpdate(request.SourceKey, 1, (_, count) => count + 1);
        lock (_inFlight)
        {
            MostConcurrentWritesOfOneRecord = Math.Max(MostConcurrentWritesOfOneRecord, inFlight);
        }

        try
        {
            await Task.Delay(Delay, CancellationToken.None);
            _writes.Enqueue(request);
            return new WriteResult($"T-{request.SourceKey}", request.ExistingTargetId is null ? WriteAction.Created : WriteAction.Updated);
        }
        finally
        {
            _inFlight.AddOrUpdate(request.SourceKey, 0, (_, count) => count - 1);
        }
    }

    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>The most calls for one record that were ever in flight at once (two mean two writes raced).</summary>
    public int MostConcurrentWritesOfOneRecord { get; private set; }

    public int WritesOf(string key) => _writes.Count(write => write.SourceKey == key);
}

/// <summary>
/// Webhooks signed by one header (<see cref="Header"/>: <see cref="Secret"/>), carrying <c>{"key","version","modifiedAt"}</c>.
/// A body with <c>"explode": true</c> makes the parser throw, as a source with a parsing bug would.
/// </summary>
public sealed class ScriptedWebhookSource : IWebhookSource
{
    public const string Header = "x-test-signature";
    public const string Secret = "let-me-in";

    public int MaxBodyBytes => 64 * 1024;

    public WebhookVerification Verify(WebhookDelivery delivery) =>
        delivery.Headers.TryGetValue(Header, out var presented) && presented == Secret
            ? WebhookVerification.Valid
            : WebhookVerification.Invalid("bad signature");

    public WebhookParseResult Parse(WebhookDelivery delivery)
    {
        using var document = JsonDocument.Parse(delivery.Body);
        var root = document.RootElement;
        if (root.TryGetProperty("explode", out var explode) && explode.GetBoolean())
        {
            throw new InvalidOperationException("the parser met a shape it did not expect");
        }

        var modifiedAt = root.TryGetProperty("modifiedAt", out var at) ? at.GetDateTimeOffset() : (DateTimeOffset?)null;
        return WebhookParseResult.Of(new SourceRecord(root.GetProperty("key").GetString()!, root.GetProperty("version").GetString()!, modifiedAt, root.Clone()));
    }
}
