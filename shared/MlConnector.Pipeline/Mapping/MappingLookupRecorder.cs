using System.Collections.Concurrent;
using MlConnector.Core.Mapping;

namespace MlConnector.Pipeline.Mapping;

/// <summary>
/// Wraps the mapping tables so a stage can learn which rows a mapper looked for and missed, without the mappers
/// knowing: <see cref="Begin"/> opens a scope for one record (an async-local, so parallel records do not mix).
/// </summary>
public sealed class MappingLookupRecorder(IMappingTables inner) : IMappingTables
{
    private static readonly AsyncLocal<ConcurrentQueue<MissingMapping>?> Current = new();

    public static Scope Begin()
    {
        var misses = new ConcurrentQueue<MissingMapping>();
        Current.Value = misses;
        return new Scope(misses);
    }

    public async ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken)
    {
        var scope = Current.Value;
        var found = await inner.LookupAsync(table, sourceValue, cancellationToken);
        if (string.IsNullOrEmpty(found))
        {
            scope?.Enqueue(new MissingMapping(table, sourceValue));
        }

        return found;
    }

    /// <summary>The misses recorded since <see cref="Begin"/>; disposing ends the scope.</summary>
    public sealed class Scope(ConcurrentQueue<MissingMapping> misses) : IDisposable
    {
        public IReadOnlyList<MissingMapping> Misses => misses.ToArray();

        public void Dispose() => Current.Value = null;
    }
}
