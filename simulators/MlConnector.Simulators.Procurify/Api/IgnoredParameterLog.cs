using System.Collections.Concurrent;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>Query parameters the simulator answered as if absent, and why.</summary>
public sealed class IgnoredParameterLog
{
    private readonly ConcurrentQueue<IgnoredParameter> _entries = new();

    public IReadOnlyList<IgnoredParameter> Entries => _entries.ToArray();

    public void Add(IgnoredParameter entry) => _entries.Enqueue(entry);

    public void Clear() => _entries.Clear();
}

/// <param name="Defined">True when Procurify defines the parameter but the simulator does not filter on it; false when
/// the path does not define it at all (Procurify ignores it, so the filter the caller meant did not happen).</param>
public sealed record IgnoredParameter(string Path, string Name, string Value, bool Defined);
