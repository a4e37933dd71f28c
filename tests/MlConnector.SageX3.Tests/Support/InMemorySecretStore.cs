using System.Collections.Concurrent;
using MlConnector.Core.Secrets;

namespace MlConnector.SageX3.Tests.Support;

/// <summary>A dictionary secret store that remembers every value written, so tests can check rotations were saved.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();
    private readonly ConcurrentQueue<(string Name, string Value)> _writes = new();

    public IReadOnlyList<(string Name, string Value)> Writes => _writes.ToArray();

    public Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue(name, out var value) ? value : null);

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        _values[name] = value;
        _writes.Enqueue((name, value));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Another instance's view of a shared store that read a secret just before a rotation: once armed, the next read
/// returns the old value, as a race between two instances would.
/// </summary>
public sealed class StaleOnceSecretStore(ISecretStore shared) : ISecretStore
{
    private string? _staleName;
    private string? _staleValue;

    public void ArmStaleRead(string name, string oldValue)
    {
        _staleName = name;
        _staleValue = oldValue;
    }

    public Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        if (name == _staleName && _staleValue is { } stale)
        {
            _staleValue = null;
            return Task.FromResult<string?>(stale);
        }

        return shared.GetSecretAsync(name, cancellationToken);
    }

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken) => shared.SetSecretAsync(name, value, cancellationToken);
}
