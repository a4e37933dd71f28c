using System.Collections.Concurrent;
using MlConnector.Core.Flows;

namespace MlConnector.Pipeline.Flows;

/// <summary>The flows this deployment runs, by name, with their source, mapper and sink created once each.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, FlowDefinition> _flows;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, FlowParts> _parts = new(StringComparer.Ordinal);

    public FlowCatalog(IEnumerable<FlowDefinition> flows, IServiceProvider services)
    {
        _flows = flows.ToDictionary(flow => flow.Name, StringComparer.Ordinal);
        _services = services;
    }

    public IReadOnlyCollection<FlowDefinition> All => _flows.Values;

    public FlowDefinition Get(string name) =>
        _flows.TryGetValue(name, out var flow)
            ? flow
            : throw new UnknownFlowException(name, _flows.Keys);

    public FlowParts Parts(string name) => _parts.GetOrAdd(name, key => new FlowParts(Get(key), _services));
}

/// <summary>A flow's runtime parts, created on first use.</summary>
public sealed class FlowParts(FlowDefinition definition, IServiceProvider services)
{
    private readonly Lazy<ISourceStream?> _source = new(() => definition.Source?.Invoke(services));
    private readonly Lazy<IWebhookSource?> _webhook = new(() => definition.Webhook?.Invoke(services));
    private readonly Lazy<IRecordMapper> _mapper = new(() => definition.Mapper(services));
    private readonly Lazy<ITargetSink> _sink = new(() => definition.Sink(services));

    public FlowDefinition Definition { get; } = definition;

    public ISourceStream Source => _source.Value ?? throw new InvalidOperationException($"Flow {Definition.Name} is fed by webhooks; it has no stream to poll.");

    public IWebhookSource Webhook => _webhook.Value ?? throw new InvalidOperationException($"Flow {Definition.Name} is polled; it takes no webhooks.");

    public IRecordMapper Mapper => _mapper.Value;

    public ITargetSink Sink => _sink.Value;
}

public sealed class UnknownFlowException(string name, IEnumerable<string> known)
    : Exception($"Unknown flow '{name}'. Configured flows: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
