using System.Runtime.CompilerServices;
using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Cli.Bench;

/// <summary>
/// A source of <paramref name="recordCount"/> generated records in pages of <see cref="PageSize"/>. Each record
/// carries the instant its page was built (<c>createdAt</c>), which the mapper copies into the target document so
/// the sink can measure intake-to-write latency: the write request itself carries no intake time.
/// </summary>
public sealed class SyntheticSource(int recordCount, TimeProvider time) : ISourceStream
{
    public const int PageSize = 100;

    public StreamDefinition Definition { get; } = new()
    {
        Name = "bench-items",
        CursorField = "createdAt",
        PageSize = PageSize,

        // Records are generated in creation order, so the engine saves the cursor after every page, as it does
        // for the real ordered streams: that cost belongs in the storage operations per record.
        OrderedByCursorField = true,
    };

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var first = 0; first < recordCount; first += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var createdAt = time.GetUtcNow();
            var records = Enumerable.Range(first, Math.Min(PageSize, recordCount - first))
                .Select(index => Record(index, createdAt))
                .ToList();
            yield return new SourcePage(records);

            // Let the consumer run between pages, as a network read would.
            await Task.Yield();
        }
    }

    private static SourceRecord Record(int index, DateTimeOffset createdAt)
    {
        var key = $"ITEM-{index:D6}";
        var payload = JsonSerializer.SerializeToElement(new SyntheticItem(key, createdAt, $"Generated item {index}", 10 + (index % 90), 1 + (index % 5), "USD"), CanonicalJson.Options);
        return new SourceRecord(key, "v1", createdAt, payload);
    }
}

/// <summary>The synthetic source record: about the size of a small purchase-order line.</summary>
public sealed record SyntheticItem(string Key, DateTimeOffset CreatedAt, string Description, decimal UnitPrice, int Quantity, string Currency);
