using System.Collections.Concurrent;

namespace MlConnector.Simulators.Common;

/// <summary>Every request a simulator saw, so tests can assert what the connector really sent.</summary>
public sealed class RequestJournal(string simulatorName)
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public string SimulatorName { get; } = simulatorName;

    public IReadOnlyList<JournalEntry> Entries => _entries.ToArray();

    public void Add(JournalEntry entry) => _entries.Enqueue(entry);

    public void Clear() => _entries.Clear();
}

/// <param name="Headers">Request headers, names lower-cased; the Authorization value is kept so tests can check schemes.</param>
public sealed record JournalEntry(DateTimeOffset At, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, int Status);
