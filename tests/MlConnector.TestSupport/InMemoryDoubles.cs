using MlConnector.Core.Mapping;
using MlConnector.Core.Secrets;

namespace MlConnector.TestSupport;

public sealed class InMemorySecretStore : ISecretStore
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_values.GetValueOrDefault(name));

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }
}

public sealed class InMemoryMappingTables : IMappingTables
{
    private readonly Dictionary<(string Table, string Source), string> _rows = [];

    public InMemoryMappingTables Add(string table, string source, string target)
    {
        _rows[(table, source)] = target;
        return this;
    }

    public InMemoryMappingTables AddAll(string table, IReadOnlyDictionary<string, string> rows)
    {
        foreach (var (source, target) in rows)
        {
            Add(table, source, target);
        }

        return this;
    }

    public ValueTask<string?> LookupAsync(string table, string sourceValue, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_rows.GetValueOrDefault((table, sourceValue)));

    public ValueTask<string?> ReverseLookupAsync(string table, string targetValue, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_rows.Where(row => row.Key.Table == table && row.Value == targetValue).Select(row => row.Key.Source).Order(StringComparer.Ordinal).FirstOrDefault());
}

public sealed class InMemoryReferenceData : IReferenceData
{
    private readonly HashSet<(ReferenceKind Kind, string Code)> _codes = [];

    public string Scope => "X3 folder SEED";

    public InMemoryReferenceData Add(ReferenceKind kind, params IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            _codes.Add((kind, code));
        }

        return this;
    }

    public ValueTask<bool> ExistsAsync(ReferenceKind kind, string code, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_codes.Contains((kind, code)));
}
