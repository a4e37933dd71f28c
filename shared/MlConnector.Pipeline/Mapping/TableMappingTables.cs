using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MlConnector.Core.Mapping;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Mapping;

/// <summary>
/// Mapping tables in Table Storage: partition = table name, row = source value, column Target. The map stage
/// reads a whole table once per cache lifetime (one query), so a page of records costs no lookups. A miss re-reads a copy
/// older than <see cref="MissRefreshAfter"/> once, so a row just added elsewhere (the console, another instance, the CLI)
/// is found by the reprocess that follows it rather than after the cache lifetime; at most one extra query per table
/// every few seconds.
/// </summary>
public sealed class TableMappingTables : IMappingTables
{
    public static readonly TimeSpan MissRefreshAfter = TimeSpan.FromSeconds(3);

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedTable>>> _cache = new(StringComparer.Ordinal);

    public TableMappingTables(PipelineStorage storage, IOptions<PipelineOptions> options, TimeProvider time)
    {
        _table = storage.Mappings;
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.MappingCacheSeconds);
    }

    public async ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken)
    {
        var entries = await GetTableAsync(table, _lifetime, cancellationToken);
        if (entries.Values.TryGetValue(sourceValue, out var target))
        {
            return target;
        }

        if (_time.GetUtcNow() - entries.LoadedAt < MissRefreshAfter)
        {
            return null;
        }

        entries = await GetTableAsync(table, MissRefreshAfter, cancellationToken);
        return entries.Values.TryGetValue(sourceValue, out target) ? target : null;
    }

    public async ValueTask<string?> ReverseLookupAsync(string table, string targetValue, CancellationToken cancellationToken)
    {
        var entries = await GetTableAsync(table, _lifetime, cancellationToken);
        return entries.Values.Where(entry => entry.Value == targetValue).Select(entry => entry.Key).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    public async Task SetAsync(string table, string sourceValue, string targetValue, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(table), TableKeys.Escape(sourceValue))
        {
            ["Table"] = table,
            ["Source"] = sourceValue,
            ["Target"] = targetValue,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        _cache.TryRemove(table, out _);
    }

    public async Task<bool> RemoveAsync(string table, string sourceValue, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(TableKeys.Escape(table), TableKeys.Escape(sourceValue), cancellationToken: cancellationToken);
        _cache.TryRemove(table, out _);
        return response.Status != 404;
    }

    /// <summary>Every entry of every table, for export.</summary>
    public async Task<IReadOnlyList<MappingEntry>> ListAsync(string? table, CancellationToken cancellationToken)
    {
        var filter = table is null ? null : $"PartitionKey eq '{TableKeys.Escape(table).Replace("'", "''", StringComparison.Ordinal)}'";
        var entries = new List<MappingEntry>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new MappingEntry(entity.GetString("Table"), entity.GetString("Source"), entity.GetString("Target")));
        }

        return entries.OrderBy(e => e.Table, StringComparer.Ordinal).ThenBy(e => e.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>Forget cached tables so the next lookup reads storage (after an import in the same process).</summary>
    public void Invalidate() => _cache.Clear();

    private async Task<CachedTable> GetTableAsync(string table, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var entry = _cache.GetOrAdd(table, name => new Lazy<Task<CachedTable>>(() => LoadAsync(name, cancellationToken)));
        var cached = await entry.Value;
        if (_time.GetUtcNow() - cached.LoadedAt < maxAge)
        {
            return cached;
        }

        // Stale (or caching is off): reload once; concurrent readers share the reload.
        var fresh = new Lazy<Task<CachedTable>>(() => LoadAsync(table, cancellationToken));
        var winner = _cache.TryUpdate(table, fresh, entry) ? fresh : _cache.GetOrAdd(table, fresh);
        return await winner.Value;
    }

    private async Task<CachedTable> LoadAsync(string table, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = $"PartitionKey eq '{TableKeys.Escape(table).Replace("'", "''", StringComparison.Ordinal)}'";
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["Source", "Target"], cancellationToken: cancellationToken))
        {
            values[entity.GetString("Source")] = entity.GetString("Target");
        }

        return new CachedTable(values, _time.GetUtcNow());
    }

    private sealed record CachedTable(IReadOnlyDictionary<string, string> Values, DateTimeOffset LoadedAt);
}

public sealed record MappingEntry(string Table, string Source, string Target);
