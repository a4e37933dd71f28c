using System.Collections.Concurrent;
using MlConnector.Core.Secrets;

namespace MlConnector.AdobeCommerce.Tests.Support;

internal sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public InMemorySecretStore Set(string name, string value)
    {
        _values[name] = value;
        return this;
    }

    public Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue(name, out var value) ? value : null);

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }
}
