using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// Which guide names a partnership's transaction set: the guide JSON Schema imported for it with
/// <c>mlc stedi guide import</c>, else the plain X12 release of <see cref="StediOptions.X12Release"/> (004010 unless
/// set). Guides are read from the store at most once a minute, so an import reaches a running host within a minute.
/// </summary>
public sealed class StediGuides(IGuideSchemaStore store, IOptions<StediOptions> options, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string, string), (IGuide Guide, DateTimeOffset At)> _cache = new();

    public async ValueTask<IGuide> ForAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken)
    {
        var key = (partnershipId, transactionSetId);
        if (_cache.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.At < KeepFor)
        {
            return cached.Guide;
        }

        var schema = await store.ReadAsync(partnershipId, transactionSetId, cancellationToken);
        IGuide guide = schema is null
            ? ReleaseGuide.For(options.Value.X12Release)
            : SchemaGuide.Parse(schema, $"the guide imported for {partnershipId} {transactionSetId}");
        _cache[key] = (guide, time.GetUtcNow());
        return guide;
    }

    /// <summary>The delimiter rule of generate-edi requests: refuse values with delimiters, or let Stedi repair them.</summary>
    public DelimiterPolicy Delimiters => DelimiterPolicy.StediDefaults with { Repair = options.Value.RepairDelimiterConflicts };
}
