using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Cli.Bench;

/// <summary>A mapper with no lookups, so the benchmark measures the engine rather than mapping work.</summary>
public sealed class SyntheticMapper : IRecordMapper
{
    public const string DocumentKind = "bench-document";

    public ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var item = CanonicalJson.FromElement<SyntheticItem>(record.Payload);
        var document = new SyntheticDocument(item.Key, item.CreatedAt, item.Description, item.UnitPrice * item.Quantity, item.Currency);
        var body = JsonSerializer.SerializeToElement(document, CanonicalJson.Options);
        return ValueTask.FromResult(MapResult.Mapped(new TargetDocument(DocumentKind, item.Key, $"{item.Key}: {document.Amount} {item.Currency}", body)));
    }
}

/// <summary>The target document; <see cref="CreatedAt"/> travels through unchanged for the latency measurement.</summary>
public sealed record SyntheticDocument(string Reference, DateTimeOffset CreatedAt, string Description, decimal Amount, string Currency);
